using BRVT.Dti.TestUtilities;
using BRVT.Dti.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Properties;

/// <summary>The loader never throws for bad input: it returns located problems.</summary>
public sealed class ValidationProperties
{
    private static readonly DtiEngine Engine = new();

    private static void AssertHandled(string text)
    {
        var result = Engine.LoadDefinition(text, "fuzz.json");
        if (result.Plan is null)
        {
            Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error);
        }

        Assert.All(result.Problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
            Assert.True(p.Pointer.Length == 0 || p.Pointer[0] == '/', $"'{p.Pointer}' is not a JSON pointer");
            Assert.True(p.Line >= 1 && p.Column >= 1, $"{p} has no location");
        });
    }

    [Property(MaxTest = 300)]
    public Property LoadDefinition_ArbitraryText_ReturnsProblemsWithoutThrowing() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => AssertHandled(text ?? string.Empty));

    [Property(MaxTest = 300)]
    public Property LoadDefinition_MutatedValidDefinition_ReturnsProblemsWithoutThrowing() =>
        Prop.ForAll(ScenarioGenerator.Any(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scenario, seed) =>
        {
            var random = new Random(seed);
            var text = scenario.DefinitionJson;
            string[] fragments = ["{", "}", "[", "]", ",", ":", "\"", "-1", "1e400", "null", "true", "\"type\": \"foo\"", "\"x\"", "\\u0000", "Đ"];
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)),
                    1 => text.Insert(at, fragments[random.Next(fragments.Length)]),
                    _ => text[..at] + fragments[random.Next(fragments.Length)] + text[Math.Min(text.Length, at + random.Next(1, 10))..],
                };
            }

            AssertHandled(text);
        });

    [Property(MaxTest = 200)]
    public Property LoadDefinition_RandomJsonDocuments_ReturnsProblemsWithoutThrowing() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed => AssertHandled(RandomJson(new Random(seed), 0)));

    private static string RandomJson(Random random, int depth)
    {
        string[] keys = ["id", "version", "title", "scale", "nodes", "children", "rule", "type", "measure", "maxPoints", "weight", "views", "bands", "groups", "measures", "formula", "expression", "from", "to", "ranking", "by", "aggregation", "appliesTo", "vi", "en"];
        var choice = depth > 4 ? random.Next(4) : random.Next(6);
        return choice switch
        {
            0 => random.Next(-5, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => $"\"{keys[random.Next(keys.Length)]}\"",
            2 => random.Next(2) == 0 ? "true" : "null",
            3 => "\"Đà Nẵng\"",
            4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(6)).Select(_ => $"\"{keys[random.Next(keys.Length)]}\": {RandomJson(random, depth + 1)}")) + "}",
        };
    }
}
