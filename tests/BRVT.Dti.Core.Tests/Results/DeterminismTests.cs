using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;

namespace BRVT.Dti.Tests.Results;

public sealed class DeterminismTests
{
    private static string Run()
    {
        var plan = TestIndex.Compile(File.ReadAllText(TestIndex.TestDataPath("dti-2022", "index.json")));
        var units = new[] { Unit("a", "province"), Unit("b", "province"), Unit("c", "province") };
        var observations = units.SelectMany((u, i) => Enumerable.Range(1, 9).Select(k => Value(u.Id, $"main{k}", (k * 0.07 * (i + 1)) % 1, "2022")));
        return AssessmentResultJson.Serialize(plan.Assess(units, observations, "2022"));
    }

    [Fact]
    public void Serialize_IdenticalInputs_GiveByteIdenticalJsonWithManifest()
    {
        var first = Run();
        var second = Run();
        Assert.Equal(first, second);
        Assert.Contains("\"definitionSha256\"", first, StringComparison.Ordinal);
        Assert.Contains("\"dataSha256\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ChangedObservation_ChangesTheDataHashOnly()
    {
        var plan = TestIndex.Compile(File.ReadAllText(TestIndex.TestDataPath("dti-2022", "index.json")));
        var one = plan.Assess([Unit("a", "province")], [Value("a", "main1", 0.5, "2022")], "2022").Manifest;
        var two = plan.Assess([Unit("a", "province")], [Value("a", "main1", 0.6, "2022")], "2022").Manifest;
        Assert.Equal(one.DefinitionSha256, two.DefinitionSha256);
        Assert.NotEqual(one.DataSha256, two.DataSha256);
        Assert.Matches("^[0-9a-f]{64}$", one.DataSha256);
    }

    [Fact]
    public void Serialize_MissingValues_AreWrittenAsNull()
    {
        var plan = TestIndex.Compile(TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("a", 100, """{ "type": "ratio", "measure": "a" }"""), "\"missingData\": \"missing\""));
        var json = AssessmentResultJson.Serialize(plan.Assess([Unit("u")], [], "2023"));
        Assert.Contains("\"points\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }
}
