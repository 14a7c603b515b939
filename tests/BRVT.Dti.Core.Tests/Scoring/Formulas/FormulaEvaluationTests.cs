using System.Globalization;
using BRVT.Dti.Scoring.Formulas;
using static BRVT.Dti.Tests.Scoring.Formulas.FormulaTestEnvironment;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaEvaluationTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("3.5", 3.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("1E+2", 100)]
    [InlineData("007", 7)]
    [InlineData("0.1 + 0.2", 0.30000000000000004)]
    public void Evaluate_NumberLiteral_ReadsInvariantNumber(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("1 + 2", 3)]
    [InlineData("5 - 7", -2)]
    [InlineData("3 * 4", 12)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("-a", -2)]
    [InlineData("+a", 2)]
    [InlineData("- -a", 2)]
    [InlineData("--a", 2)]
    [InlineData("2 * -b", -6)]
    [InlineData("a-b", -1)]
    [InlineData("a / b * b", 2)]
    public void Evaluate_ArithmeticOperator_Computes(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text), 15);

    [Theory]
    [InlineData("a = 2", 1)]
    [InlineData("a = 3", 0)]
    [InlineData("a == 2", 1)]
    [InlineData("a == 3", 0)]
    [InlineData("a != 3", 1)]
    [InlineData("a != 2", 0)]
    [InlineData("a <> 3", 1)]
    [InlineData("a <> 2", 0)]
    [InlineData("a < b", 1)]
    [InlineData("b < a", 0)]
    [InlineData("a < 2", 0)]
    [InlineData("a <= 2", 1)]
    [InlineData("b <= a", 0)]
    [InlineData("b > a", 1)]
    [InlineData("a > 2", 0)]
    [InlineData("a >= 2", 1)]
    [InlineData("a >= b", 0)]
    public void Evaluate_Comparison_GivesOneOrZero(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("1 and 2", 1)]
    [InlineData("1 and 0", 0)]
    [InlineData("0 and 1", 0)]
    [InlineData("-1 and 0.5", 1)]
    [InlineData("1 && 1", 1)]
    [InlineData("1 && 0", 0)]
    [InlineData("0 or 0", 0)]
    [InlineData("0 or 3", 1)]
    [InlineData("0 || 1", 1)]
    [InlineData("0 || 0", 0)]
    [InlineData("not 0", 1)]
    [InlineData("not 5", 0)]
    [InlineData("!0", 1)]
    [InlineData("!a", 0)]
    [InlineData("not not a", 1)]
    public void Evaluate_LogicalOperator_TreatsNonZeroAsTrue(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("2 * 3 + 4", 10)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("1 - 2 + 3", 2)]
    [InlineData("24 / 4 / 2", 3)]
    [InlineData("-2 * -3", 6)]
    [InlineData("1 + 2 < 4", 1)]
    [InlineData("a + b = 5", 1)]
    [InlineData("1 or 0 and 0", 1)]
    [InlineData("0 and 0 or 1", 1)]
    [InlineData("not 1 = 2", 1)]
    [InlineData("not 0 and 0", 0)]
    [InlineData("a < b and b < 4", 1)]
    [InlineData("1 = 1 and 2 = 2", 1)]
    [InlineData("(a < b) < 1", 0)]
    [InlineData("(a < b) + (b < a) + (a = 2)", 2)]
    [InlineData("a * (not zero)", 2)]
    public void Evaluate_MixedOperators_FollowsPrecedence(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("min(a)", 2)]
    [InlineData("min(a, neg)", -4)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("max(-1)", -1)]
    [InlineData("max(a, b, neg, 1)", 3)]
    [InlineData("clamp(5, 0, 3)", 3)]
    [InlineData("clamp(-1, 0, 3)", 0)]
    [InlineData("clamp(2, 0, 3)", 2)]
    [InlineData("if(1, 10, 20)", 10)]
    [InlineData("if(0, 10, 20)", 20)]
    [InlineData("if(-0.5, 10, 20)", 10)]
    [InlineData("if(a > b, a, b)", 3)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("abs(neg)", 4)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(-2.5)", -3)]
    [InlineData("round(2.4)", 2)]
    [InlineData("round(0.125, 2)", 0.13)]
    [InlineData("round(-0.125, 2)", -0.13)]
    [InlineData("round(1234.5678, 0)", 1235)]
    [InlineData("round(1.23456, b - 0.5)", 1.23)]
    [InlineData("floor(2.7)", 2)]
    [InlineData("floor(-1.5)", -2)]
    [InlineData("ceil(2.1)", 3)]
    [InlineData("ceil(-1.5)", -1)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("sqrt(a * 8)", 4)]
    [InlineData("coalesce(m, 7)", 7)]
    [InlineData("coalesce(a, 7)", 2)]
    [InlineData("coalesce(1 / 0, a)", 2)]
    [InlineData("missing(m)", 1)]
    [InlineData("missing(a)", 0)]
    [InlineData("missing(zero)", 0)]
    [InlineData("missing(1 / 0)", 1)]
    [InlineData("if(1, 5, m)", 5)]
    [InlineData("if(0, m, 5)", 5)]
    public void Evaluate_Function_Computes(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("MIN(1, 2)", 1)]
    [InlineData("Max(1, 2)", 2)]
    [InlineData("CLAMP(5, 0, 3)", 3)]
    [InlineData("If(1, 2, 3)", 2)]
    [InlineData("ABS(-1)", 1)]
    [InlineData("ROUND(2.5)", 3)]
    [InlineData("Floor(1.5)", 1)]
    [InlineData("CEIL(1.5)", 2)]
    [InlineData("SQRT(9)", 3)]
    [InlineData("COALESCE(m, 4)", 4)]
    [InlineData("Missing(m)", 1)]
    [InlineData("1 AND 0", 0)]
    [InlineData("0 Or 1", 1)]
    [InlineData("NOT 0", 1)]
    public void Evaluate_FunctionOrKeywordInAnyCase_IsRecognised(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("m")]
    [InlineData("m + 1")]
    [InlineData("1 - m")]
    [InlineData("m * 0")]
    [InlineData("m / 1")]
    [InlineData("1 / m")]
    [InlineData("-m")]
    [InlineData("m = m")]
    [InlineData("m != 1")]
    [InlineData("m < 1")]
    [InlineData("1 >= m")]
    [InlineData("m and 0")]
    [InlineData("0 and m")]
    [InlineData("m or 1")]
    [InlineData("1 or m")]
    [InlineData("not m")]
    [InlineData("if(m, 1, 2)")]
    [InlineData("min(1, m)")]
    [InlineData("max(m, 1)")]
    [InlineData("clamp(m, 0, 1)")]
    [InlineData("clamp(0.5, m, 1)")]
    [InlineData("clamp(0.5, 0, m)")]
    [InlineData("abs(m)")]
    [InlineData("round(m)")]
    [InlineData("round(1.5, m)")]
    [InlineData("floor(m)")]
    [InlineData("ceil(m)")]
    [InlineData("sqrt(m)")]
    [InlineData("coalesce(m, m)")]
    public void Evaluate_MissingOperand_IsMissing(string text) =>
        Assert.True(double.IsNaN(Evaluate(text)));

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("0 / 0")]
    [InlineData("-1 / 0")]
    [InlineData("a / zero")]
    [InlineData("a / (b - 3)")]
    [InlineData("a / -0")]
    public void Evaluate_DivisionByZero_IsMissing(string text) =>
        Assert.True(double.IsNaN(Evaluate(text)));

    [Theory]
    [InlineData("1e308 * 10")]
    [InlineData("1e308 + 1e308")]
    [InlineData("-1e308 - 1e308")]
    [InlineData("1e308 / 1e-308")]
    [InlineData("sqrt(-4)")]
    [InlineData("sqrt(neg)")]
    [InlineData("clamp(1, 3, 0)")]
    [InlineData("round(1.5, b - 4)")]
    [InlineData("round(1.5, b * 6)")]
    [InlineData("inf")]
    [InlineData("-inf")]
    [InlineData("abs(inf)")]
    public void Evaluate_InfiniteOrUndefinedResult_IsMissing(string text) =>
        Assert.True(double.IsNaN(Evaluate(text)));

    [Fact]
    public void Evaluate_InfiniteInput_CountsAsMissing() =>
        Assert.Equal(1, Evaluate("missing(inf)"));

    [Fact]
    public void Evaluate_LargeFiniteResult_IsKept() =>
        Assert.Equal(1.5e308, Evaluate("1e308 + 5e307"));

    [Fact]
    public void Variables_RepeatedAndMixed_AreDistinctInOrderOfFirstAppearance() =>
        Assert.Equal(["b", "a", "zero"], Parse("b + a * b - if(zero, a, 1)").Variables);

    [Fact]
    public void Variables_DifferentCase_AreDifferentVariables()
    {
        var formula = Parse("x + X * 10");

        Assert.Equal(["x", "X"], formula.Variables);
        Assert.Equal(21, formula.Evaluate([1.0, 2.0]));
    }

    [Fact]
    public void Variables_FunctionNameWithoutParenthesis_IsAVariable()
    {
        var formula = Parse("min + _x1 * round_2");

        Assert.Equal(["min", "_x1", "round_2"], formula.Variables);
        Assert.Equal(7, formula.Evaluate([1.0, 2.0, 3.0]));
    }

    [Fact]
    public void Variables_ConstantFormula_IsEmptyAndEvaluates()
    {
        var formula = Parse("2 * (3 + 4)");

        Assert.Empty(formula.Variables);
        Assert.Equal(14, formula.Evaluate([]));
    }

    [Fact]
    public void Text_WithWhitespace_IsKeptVerbatimAndReturnedByToString()
    {
        const string text = "  a\t+\n b ";
        var formula = Parse(text);

        Assert.Equal(text, formula.Text);
        Assert.Equal(text, formula.ToString());
        Assert.Equal(5, formula.Evaluate([2.0, 3.0]));
    }

    [Fact]
    public void Evaluate_WrongNumberOfValues_ThrowsArgumentException()
    {
        var formula = Parse("a + b");

        Assert.Throws<ArgumentException>(() => formula.Evaluate([1.0]));
        Assert.Throws<ArgumentException>(() => formula.Evaluate([1.0, 2.0, 3.0]));
    }

    [Fact]
    public void Parse_UnderVietnameseCulture_ReadsDecimalPointAndAnswersTheSame()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");

            Assert.Equal(3.75, Evaluate("3.5 + .25"));
            Assert.False(Formula.Parse("3,5").Success);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Evaluate_FromManyThreadsAtOnce_GivesTheSameResults()
    {
        var formula = Parse("if(x > 0, sqrt(x) * 2, coalesce(-x, 1)) + min(x, 3)");
        var expected = Enumerable.Range(-500, 1000).Select(i => formula.Evaluate([i / 10.0])).ToArray();
        var actual = new double[expected.Length];

        Parallel.For(0, expected.Length, i => actual[i] = formula.Evaluate([(i - 500) / 10.0]));

        Assert.Equal(expected, actual);
        Assert.Equal(Math.Sqrt(2.5) * 2 + 2.5, formula.Evaluate([2.5]), 15);
    }
}
