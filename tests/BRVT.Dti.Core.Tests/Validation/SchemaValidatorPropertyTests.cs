using BRVT.Dti.Validation;
using FsCheck;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Validation;

/// <summary>Whatever the text, the validator returns located, sorted problems and never throws.</summary>
public sealed class SchemaValidatorPropertyTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "/*", "*/", "//", "\n", "\r\n", "1e999", "-1e999", "123456789012345678901234567890",
        "-0", "null", "true", "ế", "\uD83D", "😀", "\u0000", "\uFEFF", "\"type\": \"ratio\"", "\"children\": []", ", \"x\": 1",
        "{\"type\": \"foo\"}", "\"aggregation\": \"mean\",", "\"maxPoints\": -1,", "[[[[[[[[[[", "\"a\":1,\"a\":2",
    ];

    [Property(MaxTest = 200)]
    public void Validate_ArbitraryString_NeverThrowsAndLocatesEveryProblem(string text) => AssertWellFormed(text);

    [Property(MaxTest = 200)]
    public void Validate_ArbitraryUnicodeString_NeverThrowsAndLocatesEveryProblem(UnicodeString text) => AssertWellFormed(text.Get);

    [Property(MaxTest = 200)]
    public void Validate_ValidDefinitionWithARangeDeleted_NeverThrowsAndLocatesEveryProblem(NonNegativeInt start, NonNegativeInt length)
    {
        var text = TestDefinitions.ValidSmall;
        var from = start.Get % text.Length;
        var count = Math.Min(length.Get % 200, text.Length - from);

        AssertWellFormed(text.Remove(from, count));
    }

    [Property(MaxTest = 200)]
    public void Validate_ValidDefinitionWithTextInserted_NeverThrowsAndLocatesEveryProblem(NonNegativeInt position, NonNegativeInt fragment, string? extra)
    {
        var text = TestDefinitions.ValidSmall;
        var inserted = Fragments[fragment.Get % Fragments.Length] + (extra ?? string.Empty);

        AssertWellFormed(text.Insert(position.Get % (text.Length + 1), inserted));
    }

    [Property(MaxTest = 200)]
    public void Validate_ValidDefinitionWithARangeReplaced_NeverThrowsAndLocatesEveryProblem(
        NonNegativeInt start, NonNegativeInt length, NonNegativeInt fragment)
    {
        var text = TestDefinitions.ValidSmall;
        var from = start.Get % text.Length;
        var count = Math.Min(length.Get % 20, text.Length - from);

        AssertWellFormed(text.Remove(from, count).Insert(from, Fragments[fragment.Get % Fragments.Length]));
    }

    private static void AssertWellFormed(string? text)
    {
        var problems = SchemaValidator.Default.Validate(text, "fuzz.json");

        var lines = (text ?? string.Empty).Split('\n');
        foreach (var problem in problems)
        {
            Assert.Equal("fuzz.json", problem.File);
            Assert.InRange(problem.Line, 1, lines.Length);
            Assert.InRange(problem.Column, 1, lines[problem.Line - 1].Length + 1);
            Assert.True(problem.Pointer.Length == 0 || problem.Pointer[0] == '/', problem.Pointer);
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        }

        Assert.Equal(problems.OrderBy(p => p.Line).ThenBy(p => p.Column), problems);
        Assert.Equal(problems.Distinct().Count(), problems.Count);
    }
}
