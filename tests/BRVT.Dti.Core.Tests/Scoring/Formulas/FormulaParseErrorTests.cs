using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaParseErrorTests
{
    [Theory]
    [InlineData("a + * b", 5, 1, "'*'")]
    [InlineData("* a", 1, 1, "operand is missing")]
    [InlineData("a + and", 5, 3, "'and'")]
    [InlineData("a # b", 3, 1, "Unexpected character '#'")]
    [InlineData("tỷ", 2, 1, "ASCII")]
    [InlineData("a & b", 3, 1, "'&&'")]
    [InlineData("a | b", 3, 1, "'||'")]
    [InlineData("a = . b", 5, 1, "digit after the point")]
    [InlineData("2x", 1, 2, "Invalid number '2x'")]
    [InlineData("1 + 1.", 5, 2, "Invalid number '1.'")]
    [InlineData("1e + 2", 1, 2, "Invalid number '1e'")]
    [InlineData("1.2.3", 1, 5, "Invalid number '1.2.3'")]
    [InlineData("1e400", 1, 5, "out of range")]
    [InlineData("x + 1e999", 5, 5, "out of range")]
    [InlineData("a b", 3, 1, "Put an operator")]
    [InlineData("a + 2 (c)", 7, 1, "Put an operator")]
    [InlineData("a + b (c)", 5, 1, "Unknown function 'b'")]
    [InlineData("a, b", 2, 1, "Commas only separate")]
    [InlineData("a +", 4, 0, "ends after '+'")]
    [InlineData("min(a, ", 7, 0, "ends after ','")]
    [InlineData("x * not y", 5, 3, "parentheses")]
    [InlineData("a = !b", 5, 1, "parentheses")]
    public void Parse_SyntaxError_ReportsExactColumn(string text, int column, int length, string messagePart)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Equal(length, error.Length);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(a + b", 1)]
    [InlineData("((a)", 1)]
    [InlineData("a * (b + (c)", 5)]
    [InlineData("min(a, b", 4)]
    [InlineData("max(1, min(2, 3)", 4)]
    public void Parse_UnclosedParenthesis_PointsAtTheOpeningParenthesis(string text, int column)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Equal(1, error.Length);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a + b)", 6)]
    [InlineData("(a))", 4)]
    [InlineData(")", 1)]
    public void Parse_UnmatchedClosingParenthesis_PointsAtIt(string text, int column)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Equal(1, error.Length);
    }

    [Theory]
    [InlineData("(a b)", 4, "closes the '(' at column 1")]
    [InlineData("min(a b)", 7, "in the call of 'min'")]
    [InlineData("()", 2, "Empty parentheses")]
    [InlineData("min(a,)", 7, "argument is missing after ','")]
    [InlineData("min(, a)", 5, "operand is missing")]
    public void Parse_BadParenthesesOrArguments_ExplainsTheFix(string text, int column, string messagePart)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Parse_EmptyText_ReportsEmptyExpressionAtColumnOne(string text)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(1, error.Column);
        Assert.Equal(text.Length, error.Length);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFunction_ListsTheFunctions()
    {
        var error = Assert.Single(ParseFailure("mx(a)").Errors);

        Assert.Equal(new FormulaError(
            1, 2, "Unknown function 'mx'. Use one of: min, max, clamp, if, abs, round, floor, ceil, sqrt, coalesce, missing."), error);
    }

    [Theory]
    [InlineData("1 + clamp(x, 0)", 5, 11, "Function 'clamp' takes 3 arguments, but 2 were given. Write clamp(x, lo, hi).")]
    [InlineData("min()", 1, 5, "Function 'min' takes at least 1 argument, but none was given. Write min(a, b, …).")]
    [InlineData("MAX()", 1, 5, "Function 'MAX' takes at least 1 argument, but none was given. Write max(a, b, …).")]
    [InlineData("abs(1, 2)", 1, 9, "Function 'abs' takes 1 argument, but 2 were given. Write abs(x).")]
    [InlineData("round(1, 2, 3)", 1, 14, "Function 'round' takes 1 or 2 arguments, but 3 were given. Write round(x) or round(x, digits).")]
    [InlineData("x * if(x, 1)", 5, 8, "Function 'if' takes 3 arguments, but 2 were given. Write if(condition, then, else).")]
    [InlineData("coalesce(x)", 1, 11, "Function 'coalesce' takes 2 arguments, but 1 was given. Write coalesce(x, default).")]
    [InlineData("missing()", 1, 9, "Function 'missing' takes 1 argument, but none was given. Write missing(x).")]
    public void Parse_WrongArity_ReportsAtTheFunction(string text, int column, int length, string message) =>
        Assert.Equal(new FormulaError(column, length, message), Assert.Single(ParseFailure(text).Errors));

    [Theory]
    [InlineData("round(x, 2.5)", 10, 3)]
    [InlineData("round(x, 16)", 10, 2)]
    [InlineData("round(x, -1)", 10, 2)]
    [InlineData("round(x, 1 / 0)", 10, 5)]
    public void Parse_ConstantDigitsOutOfRange_ReportsAtTheDigits(string text, int column, int length)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Equal(length, error.Length);
        Assert.Contains("digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a < b < c", 7, 1)]
    [InlineData("a = b != c", 7, 2)]
    [InlineData("1 < 2 + 3 >= 4", 11, 2)]
    [InlineData("not a == b <> c", 12, 2)]
    public void Parse_ChainedComparison_ReportsAtTheSecondComparison(string text, int column, int length)
    {
        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(column, error.Column);
        Assert.Equal(length, error.Length);
        Assert.Contains("cannot be chained", error.Message, StringComparison.Ordinal);
        Assert.Contains("and", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralIndependentErrors_ReportsEachInColumnOrder()
    {
        var errors = ParseFailure("nn(b) + mx(a) + min() + a # b $").Errors;

        Assert.Equal([1, 9, 17, 27, 31], errors.Select(error => error.Column));
    }

    [Fact]
    public void Parse_NonAsciiLetters_ReportsEachOne()
    {
        var errors = ParseFailure("tỷ_lệ").Errors;

        Assert.Equal([(2, 1), (5, 1)], errors.Select(error => (error.Column, error.Length)));
    }

    [Fact]
    public void Parse_CharacterOutsideTheBasicPlane_ReportsBothHalvesAsOneCharacter()
    {
        var error = Assert.Single(ParseFailure("a 😀").Errors);

        Assert.Equal((3, 2), (error.Column, error.Length));
    }

    [Fact]
    public void Parse_TextLongerThanMaxLength_ReportsOneErrorAtColumnOne()
    {
        var text = "1" + string.Concat(Enumerable.Repeat("+1", 2048));

        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(4097, text.Length);
        Assert.Equal(1, error.Column);
        Assert.Contains("4097 characters long; the limit is 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextOfExactlyMaxLength_Parses()
    {
        var text = "x" + new string(' ', 4095);

        Assert.True(Formula.Parse(text).Success);
        Assert.False(Formula.Parse(text + " ").Success);
    }

    [Fact]
    public void Parse_CustomMaxLength_IsApplied()
    {
        var limits = new FormulaLimits { MaxLength = 10 };

        Assert.True(Formula.Parse("1 + 2 + 34", limits).Success);
        Assert.Equal(1, Assert.Single(ParseFailure("1 + 2 + 345", limits).Errors).Column);
    }

    [Fact]
    public void Parse_NestingAtMaxDepth_Parses()
    {
        var formula = Formula.Parse(new string('(', 64) + "x" + new string(')', 64)).Formula;

        Assert.NotNull(formula);
        Assert.Equal(5, formula.Evaluate([5.0]));
    }

    [Theory]
    [InlineData('(')]
    [InlineData('-')]
    [InlineData('!')]
    public void Parse_NestingBeyondMaxDepth_ReportsWhereTheLimitIsCrossed(char opener)
    {
        var text = new string(opener, 65) + "x" + (opener == '(' ? new string(')', 65) : string.Empty);

        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal(65, error.Column);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedFunctionCallsBeyondMaxDepth_ReportsWhereTheLimitIsCrossed()
    {
        var text = string.Concat(Enumerable.Repeat("abs(", 65)) + "x" + new string(')', 65);

        var error = Assert.Single(ParseFailure(text).Errors);

        Assert.Equal((64 * 4) + 4, error.Column);
    }

    [Fact]
    public void Parse_HundredThousandOpeningParentheses_ReturnsAnError()
    {
        var text = new string('(', 100_000);

        Assert.Equal(1, Assert.Single(ParseFailure(text).Errors).Column);
        var deep = Assert.Single(ParseFailure(text, new FormulaLimits { MaxLength = 200_000 }).Errors);
        Assert.Equal(65, deep.Column);
    }

    [Fact]
    public void Parse_HundredThousandNestingsUnderHugeLimits_StopsBeforeTheStackOverflows()
    {
        var limits = new FormulaLimits { MaxLength = 1_000_000, MaxDepth = 1_000_000, MaxNodes = 1_000_000 };

        var parens = Assert.Single(ParseFailure(new string('(', 100_000) + "x" + new string(')', 100_000), limits).Errors);
        var minuses = Assert.Single(ParseFailure(new string('-', 100_000) + "x", limits).Errors);

        Assert.Contains("nested too deeply to parse", parens.Message, StringComparison.Ordinal);
        Assert.Contains("nested too deeply to parse", minuses.Message, StringComparison.Ordinal);
        Assert.InRange(parens.Column, 2, 100_000);
    }

    [Fact]
    public void Parse_MoreThanMaxNodes_ReportsWhereTheLimitIsCrossed()
    {
        // "1+1+…": every character is one node, so node 1025 is at column 1025.
        var within = "1" + string.Concat(Enumerable.Repeat("+1", 511));
        var beyond = "1" + string.Concat(Enumerable.Repeat("+1", 512));

        Assert.Equal(512, Formula.Parse(within).Formula?.Evaluate([]));
        var error = Assert.Single(ParseFailure(beyond).Errors);
        Assert.Equal(1025, error.Column);
        Assert.Contains("more than 1024 parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullText_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => Formula.Parse(null!));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FormulaLimits_NonPositiveValue_ThrowsArgumentOutOfRange(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FormulaLimits { MaxLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FormulaLimits { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => FormulaLimits.Default with { MaxNodes = value });
    }

    [Fact]
    public void FormulaLimits_Default_MatchesTheDefinitionFormat() =>
        Assert.Equal((4096, 64, 1024), (FormulaLimits.Default.MaxLength, FormulaLimits.Default.MaxDepth, FormulaLimits.Default.MaxNodes));

    private static FormulaParseResult ParseFailure(string text, FormulaLimits? limits = null)
    {
        var result = Formula.Parse(text, limits);

        Assert.False(result.Success);
        Assert.Null(result.Formula);
        Assert.NotEmpty(result.Errors);
        return result;
    }
}
