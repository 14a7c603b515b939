using BRVT.Dti.Scoring.Formulas;
using FsCheck;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaPropertyTests
{
    [Property(MaxTest = 1000)]
    public void Parse_ArbitraryString_NeverThrowsAndReportsConsistently(NonNull<string> text) =>
        AssertParsesConsistently(text.Get);

    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(FormulaArbitraries.Soup) })]
    public void Parse_FormulaLikeTokenSoup_NeverThrowsAndReportsConsistently(string text) =>
        AssertParsesConsistently(text);

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Evaluate_GeneratedFormula_ScalarAndColumnWiseAgreeBitForBit(FormulaCase formulaCase)
    {
        var formula = ParseOrFail(formulaCase.Text);
        var columns = Columns(formula, formulaCase);
        var results = new double[formulaCase.Rows.Length];

        formula.Evaluate(columns, results);

        var row = new double[formula.Variables.Count];
        for (var r = 0; r < results.Length; r++)
        {
            for (var v = 0; v < row.Length; v++)
            {
                row[v] = columns[v][r];
            }

            var scalar = formula.Evaluate(row);
            Assert.True(Bits.Same(scalar, results[r]), $"Row {r}: scalar {Bits.Show(scalar)} but column-wise {Bits.Show(results[r])}.");
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Evaluate_GeneratedFormula_MatchesReferenceSemanticsAndIsFiniteOrNaN(FormulaCase formulaCase)
    {
        var formula = ParseOrFail(formulaCase.Text);
        for (var r = 0; r < Math.Min(formulaCase.Rows.Length, 50); r++)
        {
            var values = formulaCase.Row(r);
            var actual = formula.Evaluate(formula.Variables.Select(name => values[name]).ToArray());
            var expected = ReferenceSemantics.Evaluate(formulaCase.Expression, values);

            // Equals treats NaN as equal to NaN and 0 as equal to -0 (the reference may pick either zero).
            Assert.True(expected.Equals(actual), $"Row {r}: expected {Bits.Show(expected)} but got {Bits.Show(actual)}.");
            Assert.False(double.IsInfinity(actual), $"Row {r}: the result {Bits.Show(actual)} is infinite.");
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Parse_GeneratedFormula_ListsVariablesInOrderOfFirstAppearanceStablyOnReparse(FormulaCase formulaCase)
    {
        var formula = ParseOrFail(formulaCase.Text);

        Assert.Equal(formulaCase.Expression.Variables(), formula.Variables);
        Assert.Equal(formula.Variables, ParseOrFail(formula.Text).Variables);
        Assert.Equal(formulaCase.Text, formula.ToString());
    }

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Parse_GeneratedFormula_CompilesLikeItsFullyParenthesizedForm(FormulaCase formulaCase)
    {
        var minimal = ParseOrFail(formulaCase.Text);
        var full = ParseOrFail(formulaCase.Expression.RenderFullyParenthesized());

        Assert.Equal(full.Program.Instructions.ToArray(), minimal.Program.Instructions.ToArray());
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.Substitutable) })]
    public void Evaluate_VariablesWrittenAsLiterals_GivesTheSameBitsAsVariables(FormulaCase formulaCase)
    {
        var formula = ParseOrFail(formulaCase.Text);
        var values = formulaCase.Row(0);
        var literal = ParseOrFail(Substitute(formulaCase.Expression, values).Render());

        var expected = formula.Evaluate(formula.Variables.Select(name => values[name]).ToArray());
        var actual = literal.Evaluate([]);

        Assert.Empty(literal.Variables);
        Assert.True(Bits.Same(expected, actual), $"{literal.Text}: expected {Bits.Show(expected)} but got {Bits.Show(actual)}.");
    }

    private static void AssertParsesConsistently(string text)
    {
        var result = Formula.Parse(text);

        Assert.Equal(result.Success, result.Errors.Count == 0);
        Assert.Equal(result.Errors.OrderBy(error => error.Column), result.Errors);
        foreach (var error in result.Errors)
        {
            Assert.InRange(error.Column, 1, text.Length + 1);
            Assert.InRange(error.Length, 0, text.Length - error.Column + 1);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        if (result.Formula is { } formula)
        {
            Assert.Equal(text, formula.Text);
            var value = formula.Evaluate(Enumerable.Repeat(1.0, formula.Variables.Count).ToArray());
            Assert.False(double.IsInfinity(value));
        }
    }

    private static Formula ParseOrFail(string text)
    {
        var result = Formula.Parse(text);
        Assert.True(result.Success, $"'{text}' did not parse: {string.Join("; ", result.Errors)}");
        return result.Formula!;
    }

    private static double[][] Columns(Formula formula, FormulaCase formulaCase) =>
        [.. formula.Variables.Select(name => formulaCase.Rows.Select(row => row[Array.IndexOf(FormulaCase.Names, name)]).ToArray())];

    private static TestExpression Substitute(TestExpression expression, IReadOnlyDictionary<string, double> values) => expression switch
    {
        VariableExpression variable => Literal(values[variable.Name]),
        UnaryExpression unary => unary with { Operand = Substitute(unary.Operand, values) },
        BinaryExpression binary => binary with { Left = Substitute(binary.Left, values), Right = Substitute(binary.Right, values) },
        CallExpression call => call with { Arguments = [.. call.Arguments.Select(argument => Substitute(argument, values))] },
        ParenthesizedExpression parenthesized => parenthesized with { Inner = Substitute(parenthesized.Inner, values) },
        _ => expression,
    };

    private static TestExpression Literal(double value)
    {
        var magnitude = new NumberExpression(Math.Abs(value).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return double.IsNegative(value) ? new UnaryExpression("-", magnitude) : magnitude;
    }
}
