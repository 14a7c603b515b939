using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Tests.Evaluation;

public sealed class AggregationTests
{
    private const string Ratio = """{ "type": "ratio", "measure": "MEASURE" }""";

    private static string Share(string measure) => Ratio.Replace("MEASURE", measure, StringComparison.Ordinal);

    [Fact]
    public void Assess_SumOfPoints_AddsChildrenPoints()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 60, Share("a")) + "," + Leaf("b", 40, Share("b")));
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 0.5), Value("u", "b", 1)], "2023");
        Assert.Equal(70, result.Units[0].Total.Points, 12);
        Assert.Equal(0.7, result.Units[0].Total.Value, 12);
    }

    [Fact]
    public void Assess_WeightedMean_AveragesSharesByWeight()
    {
        var nodes = $$"""
            { "id": "g", "name": "G", "maxPoints": 100, "aggregation": "mean", "children": [
              { "id": "a", "name": "a", "weight": 3, "rule": {{Share("a")}} },
              { "id": "b", "name": "b", "weight": 1, "rule": {{Share("b")}} } ] }
            """;
        var result = TestIndex.Compile(Minimal(Measure("a") + "," + Measure("b"), nodes)).Assess([Unit("u")], [Value("u", "a", 1), Value("u", "b", 0)], "2023");
        Assert.Equal(75, result.Units[0].Total.Points, 12);
        Assert.Equal(75, result.Units[0].Nodes[2].MaxPoints, 12);
        Assert.Equal(25, result.Units[0].Nodes[3].MaxPoints, 12);
    }

    [Fact]
    public void Assess_WeightedGeometricMean_MultipliesSharesAndAZeroGivesZero()
    {
        var nodes = $$"""
            { "id": "g", "name": "G", "maxPoints": 100, "aggregation": "geometric", "children": [
              { "id": "a", "name": "a", "weight": 1, "rule": {{Share("a")}} },
              { "id": "b", "name": "b", "weight": 1, "rule": {{Share("b")}} } ] }
            """;
        var plan = TestIndex.Compile(Minimal(Measure("a") + "," + Measure("b"), nodes));
        var result = plan.Assess([Unit("u"), Unit("v")], [Value("u", "a", 0.25), Value("u", "b", 1), Value("v", "a", 0), Value("v", "b", 1)], "2023");
        Assert.Equal(50, result.Units[0].Total.Points, 10);
        Assert.Equal(0, result.Units[1].Total.Points, 12);
    }

    [Fact]
    public void Assess_MissingWithZeroPolicy_ScoresZeroAndFlagsIt()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b")));
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 1)], "2023");
        Assert.Equal(50, result.Units[0].Total.Points);
        Assert.Equal(100, result.Units[0].Total.MaxPoints);
        Assert.Equal(ScoreFlags.ZeroedMissing, result.Units[0].Nodes[2].Flags);
        Assert.Equal(ScoreFlags.IncompleteData, result.Units[0].Total.Flags);
    }

    [Fact]
    public void Assess_MissingWithExcludePolicy_ReweightsOverPresentLeaves()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b")), "\"missingData\": \"exclude\"");
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 0.8)], "2023");
        Assert.Equal(40, result.Units[0].Total.Points, 12);
        Assert.Equal(50, result.Units[0].Total.MaxPoints, 12);
        Assert.Equal(0.8, result.Units[0].Total.Value, 12);
        Assert.True(result.Units[0].Nodes[2].Flags.HasFlag(ScoreFlags.Excluded));
    }

    [Fact]
    public void Assess_MissingWithMissingPolicy_LeavesTheUnitWithoutValueOrRank()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b")), "\"missingData\": \"missing\"");
        var result = TestIndex.Compile(json).Assess([Unit("u"), Unit("v")], [Value("u", "a", 1), Value("v", "a", 1), Value("v", "b", 1)], "2023");
        Assert.True(double.IsNaN(result.Units[0].Total.Points));
        Assert.True(result.Units[0].Total.Flags.HasFlag(ScoreFlags.Missing));
        Assert.Null(result.Units[0].Rank);
        Assert.Equal(1, result.Units[1].Rank);
    }

    [Fact]
    public void Assess_NodePolicyOverridesDefinitionPolicy()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"),
            Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b"), "\"missingData\": \"exclude\""));
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 1)], "2023");
        Assert.Equal(1, result.Units[0].Total.Value, 12);
        Assert.Equal(50, result.Units[0].Total.MaxPoints, 12);
    }

    [Fact]
    public void Assess_NodeNotApplicableToGroup_ShrinksTheMaximumAndIsFlagged()
    {
        var json = Minimal(Measure("online") + "," + Measure("docs"),
            Leaf("online", 40, Share("online"), "\"appliesTo\": [\"public\"]") + "," + Leaf("docs", 60, Share("docs")),
            """ "groups": [ { "id": "public", "name": "Có DVC" }, { "id": "internal", "name": "Không có DVC", "ranked": false } ] """);
        var result = TestIndex.Compile(json).Assess(
            [Unit("p", group: "public"), Unit("i", group: "internal")],
            [Value("p", "online", 1), Value("p", "docs", 0.5), Value("i", "docs", 0.5)],
            "2023");
        Assert.Equal(70, result.Units[0].Total.Points, 12);
        Assert.Equal(100, result.Units[0].Total.MaxPoints, 12);
        Assert.Equal(30, result.Units[1].Total.Points, 12);
        Assert.Equal(60, result.Units[1].Total.MaxPoints, 12);
        Assert.Equal(0.5, result.Units[1].Total.Value, 12);
        Assert.Equal(ScoreFlags.NotApplicable, result.Units[1].Nodes[1].Flags);
        Assert.Equal(1, result.Units[0].Rank);
        Assert.Null(result.Units[1].Rank);
    }

    [Fact]
    public void Assess_ComputedMeasure_IsEvaluatedFromOtherMeasures()
    {
        var measures = Measure("online") + "," + Measure("received") + """, { "id": "share_online", "name": "x", "formula": "online / received" }""";
        var json = Minimal(measures, Leaf("t", 100, """{ "type": "target", "measure": "share_online", "target": 0.5, "comparison": ">" }"""));
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "online", 40), Value("u", "received", 100)], "2023");
        Assert.Equal(80, result.Units[0].Total.Points, 10);
    }

    [Fact]
    public void Assess_ViewOverSharedNodes_IsPointsOverMaxima()
    {
        var json = Minimal(Measure("a") + "," + Measure("b") + "," + Measure("c"),
            Leaf("a", 50, Share("a")) + "," + Leaf("b", 30, Share("b")) + "," + Leaf("c", 20, Share("c")),
            """ "views": [ { "id": "ab", "name": "AB", "nodes": ["a", "b"] }, { "id": "ac", "name": "AC", "nodes": ["a", "c"] } ] """);
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 1), Value("u", "b", 0.5), Value("u", "c", 0)], "2023");
        Assert.Equal(65.0 / 80, result.Units[0].Views[0].Value, 12);
        Assert.Equal(50.0 / 70, result.Units[0].Views[1].Value, 12);
    }

    [Fact]
    public void Assess_RankByView_UsesTheViewValue()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b")),
            """ "views": [ { "id": "onlyb", "name": "B", "nodes": ["b"] } ], "ranking": { "by": "onlyb" } """);
        var result = TestIndex.Compile(json).Assess([Unit("u"), Unit("v")], [Value("u", "a", 1), Value("u", "b", 0.2), Value("v", "a", 0), Value("v", "b", 0.9)], "2023");
        Assert.Equal(2, result.Units[0].Rank);
        Assert.Equal(1, result.Units[1].Rank);
    }

    [Fact]
    public void Prepare_BadData_ReportsEveryIssueAndUsesTheRest()
    {
        var json = Minimal(Measure("a"), Leaf("a", 100, Share("a")), "\"unitKinds\": [\"agency\"]");
        var plan = TestIndex.Compile(json);
        var data = plan.Prepare(
            [Unit("u"), Unit("u"), Unit("d", kind: "district")],
            [Value("u", "a", 0.5), Value("u", "a", 0.7), Value("x", "a", 1), Value("u", "zz", 1), Value("d", "a", 1), Value("u", "a", 1, period: "2022"), Value("u", "a", double.PositiveInfinity)],
            "2023");
        var codes = data.Issues.Select(i => i.Code).ToList();
        Assert.Equal(["duplicate-unit", "unit-kind", "duplicate-observation", "unknown-unit", "unknown-measure", "unknown-unit", "invalid-value", "other-period"], codes);
        Assert.Equal(1, data.ObservationCount);
        Assert.Equal(0.5, plan.Assess(data).Units[0].Total.Value, 12);
        Assert.Contains("u/a", data.Issues[2].Message, StringComparison.Ordinal);
    }
}
