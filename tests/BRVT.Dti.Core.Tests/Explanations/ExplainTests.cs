using BRVT.Dti.Data;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Tests.Explanations;

public sealed class ExplainTests
{
    private static readonly string Json = Minimal(
        Measure("online") + "," + Measure("received") + "," + Measure("meetings"),
        $$"""
        { "id": "A", "code": "1", "name": "Chính quyền số", "maxPoints": 60, "children": [
          { "id": "A.1", "code": "1.1", "name": "Hồ sơ trực tuyến", "maxPoints": 40,
            "rule": { "type": "ratio", "numerator": "online", "denominator": "received" } },
          { "id": "A.2", "code": "1.2", "name": "Họp BCĐ", "maxPoints": 20,
            "rule": { "type": "bands", "measure": "meetings", "bands": [ { "min": 4, "points": 20 }, { "min": 2, "points": 10 } ] } } ] },
        {{Leaf("B", 40, """{ "type": "boolean", "measure": "meetings" }""")}}
        """);

    [Fact]
    public void Explain_Unit_WalksFromTotalToEveryObservationAndItsSourceRow()
    {
        var plan = TestIndex.Compile(Json);
        var observations = new[]
        {
            new Observation("so-tttt", "online", "2023", 450, new Provenance("dossiers.csv", "dossiers.csv:17")),
            new Observation("so-tttt", "received", "2023", 500, new Provenance("dossiers.csv", "dossiers.csv:18")),
            new Observation("so-tttt", "meetings", "2023", 3, new Provenance("self-assessment.xlsx", "Sheet1!C7", "verified")),
        };
        var data = plan.Prepare([Unit("so-tttt")], observations, "2023");
        var result = plan.Assess(data);
        var explanation = plan.Explain(data, result, "so-tttt");

        Assert.Equal(36 + 10 + 40, explanation.Root.Score.Points, 9);
        var a = explanation.Root.Children[0];
        Assert.Equal("1", a.Code);
        var ratio = a.Children[0];
        Assert.Equal("ratio", ratio.Leaf!.Rule);
        Assert.Equal(36, ratio.Score.Points, 9);
        Assert.Contains("450 / 500 = 0.9", ratio.Leaf.Description, StringComparison.Ordinal);
        Assert.Equal("dossiers.csv:17", ratio.Leaf.Inputs[0].Provenance!.Location);
        Assert.Equal("dossiers.csv:18", ratio.Leaf.Inputs[1].Provenance!.Location);
        var bands = a.Children[1];
        Assert.Contains("10 points", bands.Leaf!.Description, StringComparison.Ordinal);
        Assert.Equal("verified", bands.Leaf.Inputs[0].Provenance!.Stage);
    }

    [Fact]
    public void Explain_UnknownUnit_ThrowsKeyNotFoundNamingIt()
    {
        var plan = TestIndex.Compile(Json);
        var data = plan.Prepare([Unit("u")], [], "2023");
        var result = plan.Assess(data);
        var exception = Assert.Throws<KeyNotFoundException>(() => plan.Explain(data, result, "nobody"));
        Assert.Contains("'nobody'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_MissingObservation_SaysSoAndHasNoProvenance()
    {
        var plan = TestIndex.Compile(Json);
        var data = plan.Prepare([Unit("u")], [Value("u", "meetings", 1)], "2023");
        var explanation = plan.Explain(data, plan.Assess(data), "u");
        var ratio = explanation.Root.Children[0].Children[0].Leaf!;
        Assert.Contains("missing", ratio.Description, StringComparison.Ordinal);
        Assert.Null(ratio.Inputs[0].Provenance);
    }
}
