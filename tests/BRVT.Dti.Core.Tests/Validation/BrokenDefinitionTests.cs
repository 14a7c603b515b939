using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

/// <summary>A definition with several mistakes at once: every one is reported, located, and nothing is thrown.</summary>
public sealed class BrokenDefinitionTests
{
    private const string Broken = """
        {
          "id": "broken",
          "version": "1",
          "title": "Chỉ số hỏng",
          "scale": { "maxPoints": 100 },
          "measures": [
            { "id": "a", "name": "a", "formula": "b + 1" },
            { "id": "b", "name": "b", "formula": "a * 2" },
            { "id": "c", "name": "c" }
          ],
          "nodes": [
            { "id": "x", "name": "X", "maxPoints": 40, "rule": { "type": "ratoi", "measure": "c" } },
            { "id": "y", "name": "Y", "maxPoints": 30, "rule": { "type": "formula", "expression": "min(c, ) * 2" } },
            { "id": "z", "name": "Z", "maxPoints": 20, "rule": { "type": "ratio", "measure": "nope" } }
          ],
          "views": [ { "id": "v", "name": "V", "nodes": ["x", "ghost"] } ],
          "bands": [
            { "id": "tot", "name": "Tốt", "from": 0.8, "to": 1 },
            { "id": "kha", "name": "Khá", "from": 0.6, "to": 0.85 }
          ],
          "ranking": { "by": "pillar" }
        }
        """;

    private static IReadOnlyList<DefinitionProblem> Problems()
    {
        var result = new DtiEngine().LoadDefinition(Broken, "broken.json");
        Assert.Null(result.Plan);
        return result.Problems;
    }

    private static DefinitionProblem At(string pointer) =>
        Problems().FirstOrDefault(p => p.Pointer == pointer) ?? throw new Xunit.Sdk.XunitException($"No problem at {pointer}:\n{string.Join("\n", Problems())}");

    [Fact]
    public void LoadDefinition_UnknownRule_IsReportedAtItsTypeWithTheKnownRules()
    {
        var problem = At("/nodes/0/rule/type");
        Assert.Equal((12, 66), (problem.Line, problem.Column));
        Assert.Contains("Unknown rule type 'ratoi'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("ratio", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefinition_CycleOfFormulaMeasures_IsReportedWithThePath()
    {
        var problem = At("/measures/0/formula");
        Assert.Equal(7, problem.Line);
        Assert.Contains("a → b → a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefinition_BadFormula_PointsAtTheColumnInTheFormula()
    {
        var problem = At("/nodes/1/rule/expression");
        Assert.Equal(13, problem.Line);
        Assert.StartsWith("Column 8:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefinition_DanglingReferences_AreEachReported()
    {
        Assert.Contains("ghost", At("/views/0/nodes/1").Message, StringComparison.Ordinal);
        Assert.Contains("'pillar'", At("/ranking/by").Message, StringComparison.Ordinal);
        Assert.Contains("Unknown measure 'nope'", At("/nodes/2/rule/measure").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefinition_PointsThatDoNotAddUp_AndOverlappingBands_AreReported()
    {
        Assert.Contains("add up to 90 points, but its maximum is 100", At("/scale/maxPoints").Message, StringComparison.Ordinal);
        Assert.Contains("overlaps", At("/bands/0/from").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefinition_EveryProblem_HasALocationAndIsSortedByIt()
    {
        var problems = Problems();
        Assert.True(problems.Count >= 8, string.Join("\n", problems));
        Assert.All(problems, p => Assert.True(p.Line >= 1 && p.Column >= 1, p.ToString()));
        Assert.Equal(problems.OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => (p.Line, p.Column)), problems.Select(p => (p.Line, p.Column)));
    }

    [Fact]
    public void LoadDefinition_EscapedHalfOfASurrogatePair_IsALocatedProblemNotAnException()
    {
        var text = Broken.Replace("\"title\": \"Chỉ số hỏng\"", "\"title\": \"Chỉ số \\uDEE7\"", StringComparison.Ordinal);
        Assert.NotEqual(Broken, text);

        var result = new DtiEngine().LoadDefinition(text, "broken.json");

        Assert.Null(result.Plan);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("broken.json", "/title", 4, 12), (problem.File, problem.Pointer, problem.Line, problem.Column));
        Assert.StartsWith("The string holds an escape of half a surrogate pair", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("missing comma", problem.Message, StringComparison.Ordinal);
    }
}
