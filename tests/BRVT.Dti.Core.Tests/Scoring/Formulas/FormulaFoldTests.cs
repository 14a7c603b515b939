using System.Globalization;
using System.Text;
using BRVT.Dti.Scoring.Formulas;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaFoldTests
{
    [Theory]
    [InlineData("online = 1 and days <= 15", "and(=(online, 1), <=(days, 15))")]
    [InlineData("a + b * c", "+(a, *(b, c))")]
    [InlineData("(a + b) * c", "*(+(a, b), c)")]
    [InlineData("a - b - c", "-(-(a, b), c)")]
    [InlineData("-a", "neg(a)")]
    [InlineData("+a", "a")]
    [InlineData("not a or !b", "or(not(a), not(b))")]
    [InlineData("a <> b || a == b", "or(!=(a, b), =(a, b))")]
    [InlineData("min(a, b, c)", "min(min(a, b), c)")]
    [InlineData("MAX(a)", "a")]
    [InlineData("Round(a)", "round(a)")]
    [InlineData("round(a, 2)", "round(a, 2)")]
    [InlineData("if(missing(a), coalesce(b, 0), clamp(a, 0, 10))", "if(missing(a), coalesce(b, 0), clamp(a, 0, 10))")]
    [InlineData("abs(a) + floor(a) + ceil(a) + sqrt(a)", "+(+(+(abs(a), floor(a)), ceil(a)), sqrt(a))")]
    [InlineData("2 * 3 + x", "+(6, x)")]
    [InlineData("1 / 0 + x", "+(NaN, x)")]
    [InlineData("a > 1 and a < 5", "and(>(a, 1), <(a, 5))")]
    [InlineData("a >= 1 and a <= 5", "and(>=(a, 1), <=(a, 5))")]
    public void Fold_Formula_ShowsItsCompiledStructure(string text, string expected)
    {
        var formula = FormulaTestEnvironment.Parse(text);

        Assert.Equal(expected, formula.Fold(new StructurePrinter()));
    }

    [Fact]
    public void Fold_Variables_ArriveByNameInTheOrderWritten()
    {
        var formula = FormulaTestEnvironment.Parse("z + x * y - x");
        var seen = new List<string>();

        formula.Fold(new VariableRecorder(seen));

        Assert.Equal(["z", "x", "y", "x"], seen);
    }

    [Fact]
    public void Fold_NullFolder_ThrowsArgumentNullException()
    {
        var formula = FormulaTestEnvironment.Parse("a");

        Assert.Throws<ArgumentNullException>(() => formula.Fold<string>(null!));
    }

    [Fact]
    public void Fold_FolderThrows_ExceptionReachesTheCaller()
    {
        var formula = FormulaTestEnvironment.Parse("sqrt(a) + 1");

        var exception = Assert.Throws<NotSupportedException>(() => formula.Fold(new RefusingFolder("sqrt")));

        Assert.Equal("sqrt", exception.Message);
    }

    [Fact]
    public void Fold_DeeplyNestedFormula_DoesNotRecurse()
    {
        // 1000 chained additions and 64 nested parentheses: within the default limits, and folded without recursion.
        var text = string.Concat(Enumerable.Repeat("(", 60)) + "x" + string.Concat(Enumerable.Repeat(")", 60))
            + string.Concat(Enumerable.Repeat(" + x", 400));
        var formula = FormulaTestEnvironment.Parse(text);

        Assert.Equal(401, formula.Fold(new VariableCounter()));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Fold_EvaluatingFolder_GivesTheSameResultsAsEvaluate(FormulaCase formulaCase)
    {
        var formula = FormulaTestEnvironment.Parse(formulaCase.Text);
        for (var r = 0; r < Math.Min(formulaCase.Rows.Length, 20); r++)
        {
            var values = formulaCase.Row(r);
            var expected = formula.Evaluate(formula.Variables.Select(name => values[name]).ToArray());

            var actual = formula.Fold(new EvaluatingFolder(values));

            Assert.True(Bits.Same(expected, actual), $"Row {r}: Evaluate gave {Bits.Show(expected)} but folding gave {Bits.Show(actual)}.");
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(FormulaArbitraries.WellFormed) })]
    public void Fold_PrintedAsText_ReparsesToAFormulaWithTheSameResults(FormulaCase formulaCase)
    {
        var formula = FormulaTestEnvironment.Parse(formulaCase.Text);
        var printed = formula.Fold(new TextPrinter());

        // The printed text may hold fewer variables (folding drops none, but x * 0 keeps x), so evaluate by name.
        var reparsed = FormulaTestEnvironment.Parse(printed);
        for (var r = 0; r < Math.Min(formulaCase.Rows.Length, 20); r++)
        {
            var values = formulaCase.Row(r);
            var expected = formula.Evaluate(formula.Variables.Select(name => values[name]).ToArray());
            var actual = reparsed.Evaluate(reparsed.Variables.Select(name => values[name]).ToArray());

            Assert.True(Bits.Same(expected, actual), $"'{printed}', row {r}: expected {Bits.Show(expected)} but got {Bits.Show(actual)}.");
        }
    }

    /// <summary>Prints the structure as prefix calls, to show exactly what a folder receives.</summary>
    private sealed class StructurePrinter : IFormulaFolder<string>
    {
        public string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        public string Variable(string name) => name;

        public string Unary(FormulaUnaryOperator op, string operand) =>
            $"{(op == FormulaUnaryOperator.Negate ? "neg" : "not")}({operand})";

        public string Binary(FormulaBinaryOperator op, string left, string right) => $"{Symbol(op)}({left}, {right})";

        public string Call(string function, IReadOnlyList<string> arguments) => $"{function}({string.Join(", ", arguments)})";
    }

    /// <summary>Prints formula text with every operation in parentheses, which the parser must read back.</summary>
    private sealed class TextPrinter : IFormulaFolder<string>
    {
        public string Number(double value) => double.IsNaN(value)
            ? "(1 / 0)"
            : value < 0
                ? $"(0 - {(-value).ToString("R", CultureInfo.InvariantCulture)})"
                : value.ToString("R", CultureInfo.InvariantCulture);

        public string Variable(string name) => name;

        public string Unary(FormulaUnaryOperator op, string operand) =>
            op == FormulaUnaryOperator.Negate ? $"(-{operand})" : $"(not {operand})";

        public string Binary(FormulaBinaryOperator op, string left, string right) => $"({left} {Symbol(op)} {right})";

        public string Call(string function, IReadOnlyList<string> arguments) => $"{function}({string.Join(", ", arguments)})";
    }

    /// <summary>Evaluates with the reference semantics, independently of the stack machine.</summary>
    private sealed class EvaluatingFolder(IReadOnlyDictionary<string, double> values) : IFormulaFolder<double>
    {
        public double Number(double value) => value;

        public double Variable(string name) => double.IsInfinity(values[name]) ? double.NaN : values[name];

        public double Unary(FormulaUnaryOperator op, double operand) => op switch
        {
            FormulaUnaryOperator.Negate => -operand,
            _ => double.IsNaN(operand) ? double.NaN : operand == 0 ? 1 : 0,
        };

        public double Binary(FormulaBinaryOperator op, double left, double right)
        {
            if (double.IsNaN(left) || double.IsNaN(right))
            {
                return double.NaN;
            }

            var result = op switch
            {
                FormulaBinaryOperator.Add => left + right,
                FormulaBinaryOperator.Subtract => left - right,
                FormulaBinaryOperator.Multiply => left * right,
                FormulaBinaryOperator.Divide => right == 0 ? double.NaN : left / right,
                FormulaBinaryOperator.Equal => Truth(left == right),
                FormulaBinaryOperator.NotEqual => Truth(left != right),
                FormulaBinaryOperator.Less => Truth(left < right),
                FormulaBinaryOperator.LessOrEqual => Truth(left <= right),
                FormulaBinaryOperator.Greater => Truth(left > right),
                FormulaBinaryOperator.GreaterOrEqual => Truth(left >= right),
                FormulaBinaryOperator.And => Truth(left != 0 && right != 0),
                FormulaBinaryOperator.Or => Truth(left != 0 || right != 0),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
            return double.IsInfinity(result) ? double.NaN : result;
        }

        public double Call(string function, IReadOnlyList<double> a) => function switch
        {
            "coalesce" => double.IsNaN(a[0]) ? a[1] : a[0],
            "missing" => double.IsNaN(a[0]) ? 1 : 0,
            "if" => double.IsNaN(a[0]) ? double.NaN : a[0] != 0 ? a[1] : a[2],
            _ when a.Any(double.IsNaN) => double.NaN,
            "min" => Math.Min(a[0], a[1]),
            "max" => Math.Max(a[0], a[1]),
            "clamp" => a[1] > a[2] ? double.NaN : Math.Min(Math.Max(a[0], a[1]), a[2]),
            "abs" => Math.Abs(a[0]),
            "round" when a.Count == 1 => Math.Round(a[0], MidpointRounding.AwayFromZero),
            "round" => Math.Truncate(a[1]) is >= 0 and <= 15 ? Math.Round(a[0], (int)Math.Truncate(a[1]), MidpointRounding.AwayFromZero) : double.NaN,
            "floor" => Math.Floor(a[0]),
            "ceil" => Math.Ceiling(a[0]),
            "sqrt" => Math.Sqrt(a[0]),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
        };

        private static double Truth(bool value) => value ? 1 : 0;
    }

    private sealed class VariableRecorder(List<string> seen) : IFormulaFolder<int>
    {
        public int Number(double value) => 0;

        public int Variable(string name)
        {
            seen.Add(name);
            return 0;
        }

        public int Unary(FormulaUnaryOperator op, int operand) => 0;

        public int Binary(FormulaBinaryOperator op, int left, int right) => 0;

        public int Call(string function, IReadOnlyList<int> arguments) => 0;
    }

    private sealed class VariableCounter : IFormulaFolder<int>
    {
        public int Number(double value) => 0;

        public int Variable(string name) => 1;

        public int Unary(FormulaUnaryOperator op, int operand) => operand;

        public int Binary(FormulaBinaryOperator op, int left, int right) => left + right;

        public int Call(string function, IReadOnlyList<int> arguments) => arguments.Sum();
    }

    private sealed class RefusingFolder(string refused) : IFormulaFolder<int>
    {
        public int Number(double value) => 0;

        public int Variable(string name) => 0;

        public int Unary(FormulaUnaryOperator op, int operand) => 0;

        public int Binary(FormulaBinaryOperator op, int left, int right) => 0;

        public int Call(string function, IReadOnlyList<int> arguments) =>
            function == refused ? throw new NotSupportedException(function) : 0;
    }

    private static string Symbol(FormulaBinaryOperator op) => op switch
    {
        FormulaBinaryOperator.Add => "+",
        FormulaBinaryOperator.Subtract => "-",
        FormulaBinaryOperator.Multiply => "*",
        FormulaBinaryOperator.Divide => "/",
        FormulaBinaryOperator.Equal => "=",
        FormulaBinaryOperator.NotEqual => "!=",
        FormulaBinaryOperator.Less => "<",
        FormulaBinaryOperator.LessOrEqual => "<=",
        FormulaBinaryOperator.Greater => ">",
        FormulaBinaryOperator.GreaterOrEqual => ">=",
        FormulaBinaryOperator.And => "and",
        FormulaBinaryOperator.Or => "or",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
