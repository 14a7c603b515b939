using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Tests.Scoring.Rules;

/// <summary>Hand-checkable examples of every built-in rule: one leaf worth 20 points, one unit per case.</summary>
public sealed class BuiltInRuleTests
{
    private static double[] Points(string rule, string[] measures, params double[][] rows)
    {
        var json = Minimal(string.Join(",", measures.Select(m => Measure(m))), Leaf("leaf", 20, rule), maxPoints: 20);
        var plan = TestIndex.Compile(json);
        var units = rows.Select((_, i) => Unit($"u{i:D2}")).ToList();
        var observations = rows.SelectMany((row, i) => row.Select((v, m) => (v, m))
            .Where(x => !double.IsNaN(x.v))
            .Select(x => Value($"u{i:D2}", measures[x.m], x.v)));
        var result = plan.Assess(units, observations, "2023");
        return [.. result.Units.Select(u => u.Nodes[1].Points)];
    }

    [Fact]
    public void Boolean_YesNoAndHalf_EarnFullHalfOrNothing()
    {
        var points = Points("""{ "type": "boolean", "measure": "m", "half": true }""", ["m"], [1], [0.5], [0], [0.49]);
        Assert.Equal([20, 10, 0, 0], points);
    }

    [Fact]
    public void Boolean_WithoutHalf_TreatsHalfAsNo()
    {
        var points = Points("""{ "type": "boolean", "measure": "m" }""", ["m"], [1], [0.5], [3]);
        Assert.Equal([20, 0, 20], points);
    }

    [Fact]
    public void Ratio_NumeratorOverDenominator_IsCappedAtTheMaximum()
    {
        var points = Points("""{ "type": "ratio", "numerator": "a", "denominator": "b" }""", ["a", "b"], [45, 50], [60, 50], [0, 10]);
        Assert.Equal([18, 20, 0], points);
    }

    [Theory]
    [InlineData("zero", 0.0)]
    [InlineData("full", 20.0)]
    public void Ratio_ZeroDenominator_FollowsWhenZero(string whenZero, double expected)
    {
        var points = Points($$"""{ "type": "ratio", "numerator": "a", "denominator": "b", "whenZero": "{{whenZero}}" }""", ["a", "b"], [0, 0]);
        Assert.Equal([expected], points);
    }

    [Fact]
    public void Ratio_ZeroDenominatorByDefault_IsMissingAndScoresZeroUnderTheZeroPolicy()
    {
        var json = Minimal(Measure("a") + "," + Measure("b"), Leaf("leaf", 20, """{ "type": "ratio", "numerator": "a", "denominator": "b" }"""), maxPoints: 20);
        var result = TestIndex.Compile(json).Assess([Unit("u")], [Value("u", "a", 0), Value("u", "b", 0)], "2023");
        Assert.Equal(0, result.Units[0].Nodes[1].Points);
        Assert.Equal(ScoreFlags.ZeroedMissing, result.Units[0].Nodes[1].Flags);
    }

    [Fact]
    public void Ratio_MeasureOfConstant_DividesByIt()
    {
        var points = Points("""{ "type": "ratio", "measure": "m", "of": 4 }""", ["m"], [3], [5]);
        Assert.Equal([15, 20], points);
    }

    [Fact]
    public void Target_AtLeast_FullWhenMetElsePartial()
    {
        var points = Points("""{ "type": "target", "measure": "m", "target": 0.9 }""", ["m"], [0.95], [0.9], [0.45]);
        Assert.Equal([20, 20, 10], points);
    }

    [Fact]
    public void Target_StrictlyGreater_EqualValueIsNotMet()
    {
        var points = Points("""{ "type": "target", "measure": "m", "target": 0.5, "comparison": ">", "allOrNothing": true }""", ["m"], [0.5], [0.51]);
        Assert.Equal([0, 20], points);
    }

    [Fact]
    public void Target_AllOrNothing_PartialAchievementEarnsNothing()
    {
        var points = Points("""{ "type": "target", "numerator": "a", "denominator": "b", "target": 0.98, "allOrNothing": true }""", ["a", "b"], [97, 100], [98, 100]);
        Assert.Equal([0, 20], points);
    }

    [Fact]
    public void Target_LowerIsBetter_PartialIsTargetOverValue()
    {
        var points = Points("""{ "type": "target", "measure": "days", "target": 5, "comparison": "<=" }""", ["days"], [4], [10]);
        Assert.Equal([20, 10], points);
    }

    [Fact]
    public void Bands_MeetingsPerYear_EarnTheBandPoints()
    {
        const string rule = """{ "type": "bands", "measure": "m", "bands": [ { "min": 4, "points": 20 }, { "min": 3, "points": 15 }, { "min": 2, "points": 10 }, { "min": 1, "points": 5 } ] }""";
        var points = Points(rule, ["m"], [6], [4], [3], [2], [1], [0]);
        Assert.Equal([20, 20, 15, 10, 5, 0], points);
    }

    [Fact]
    public void Bands_WithMaxThresholds_RewardLowValues()
    {
        const string rule = """{ "type": "bands", "measure": "m", "bands": [ { "max": 2, "points": 20 }, { "max": 5, "points": 8 } ] }""";
        var points = Points(rule, ["m"], [1], [2], [4], [9]);
        Assert.Equal([20, 20, 8, 0], points);
    }

    [Fact]
    public void Linear_Goalposts_ClipOutsideAndInterpolateInside()
    {
        var points = Points("""{ "type": "linear", "measure": "m", "lower": 10, "upper": 20 }""", ["m"], [5], [15], [25]);
        Assert.Equal([0, 10, 20], points);
    }

    [Fact]
    public void Linear_LowerIsBetter_ReversesTheScale()
    {
        var points = Points("""{ "type": "linear", "measure": "m", "lower": 10, "upper": 20, "direction": "lower" }""", ["m"], [5], [12.5], [25]);
        Assert.Equal([20, 15, 0], points);
    }

    [Fact]
    public void Relative_ValueOverBestPeer_BestEarnsFull()
    {
        var points = Points("""{ "type": "relative", "measure": "m" }""", ["m"], [50], [100], [25]);
        Assert.Equal([10, 20, 5], points);
    }

    [Fact]
    public void Relative_AllZero_EarnsNothing()
    {
        var points = Points("""{ "type": "relative", "measure": "m" }""", ["m"], [0], [0]);
        Assert.Equal([0, 0], points);
    }

    [Fact]
    public void Relative_PeersAreTheRankingGroup_EachGroupHasItsOwnBest()
    {
        var json = Minimal(Measure("m"), Leaf("leaf", 20, """{ "type": "relative", "measure": "m" }"""),
            """ "groups": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ] """, maxPoints: 20);
        var result = TestIndex.Compile(json).Assess(
            [Unit("a1", group: "a"), Unit("a2", group: "a"), Unit("b1", group: "b")],
            [Value("a1", "m", 10), Value("a2", "m", 5), Value("b1", "m", 1)],
            "2023");
        Assert.Equal([20.0, 10.0, 20.0], result.Units.Select(u => u.Nodes[1].Points));
    }

    [Fact]
    public void Formula_ShareResult_IsClampedToTheMaximum()
    {
        var points = Points("""{ "type": "formula", "expression": "a / b" }""", ["a", "b"], [1, 4], [8, 4]);
        Assert.Equal([5, 20], points);
    }

    [Fact]
    public void Formula_PointsResult_IsUsedAsPoints()
    {
        var points = Points("""{ "type": "formula", "expression": "if(a >= 3, 20, a * 5)", "result": "points" }""", ["a"], [1], [3]);
        Assert.Equal([5, 20], points);
    }
}
