using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Tests.Ranking;

public sealed class RankingPolicyTests
{
    private static readonly string Bands = """
        "bands": [
          { "id": "tot", "name": { "vi": "Tốt", "en": "Good" }, "from": 0.8, "to": 1 },
          { "id": "kha", "name": { "vi": "Khá", "en": "Fair" }, "from": 0.65, "to": 0.8 },
          { "id": "tb", "name": { "vi": "Trung bình", "en": "Average" }, "from": 0.5, "to": 0.65 },
          { "id": "yeu", "name": { "vi": "Yếu", "en": "Weak" }, "from": 0, "to": 0.5 } ]
        """;

    [Fact]
    public void Assess_Bands_ClassifyOnThePublishedShareWithTheTopBandInclusive()
    {
        var json = Minimal(Measure("a"), Leaf("a", 100, """{ "type": "ratio", "measure": "a" }"""), Bands);
        var values = new[] { 1, 0.8, 0.79996, 0.65, 0.5, 0.4999 };
        var units = values.Select((_, i) => Unit($"u{i}")).ToList();
        var result = TestIndex.Compile(json).Assess(units, values.Select((v, i) => Value($"u{i}", "a", v)), "2023");
        Assert.Equal(["tot", "tot", "tot", "kha", "tb", "yeu"], result.Units.Select(u => u.Band));
    }

    [Fact]
    public void Assess_CommunesWithinDistricts_GetARankInTheirDistrictToo()
    {
        var json = Minimal(Measure("a"), Leaf("a", 100, """{ "type": "ratio", "measure": "a" }"""),
            """ "unitKinds": ["commune"], "groups": [ { "id": "xa", "name": "Cấp xã", "rankWithinParent": true } ] """);
        var units = new[]
        {
            Unit("x1", "commune", "xa", "747"), Unit("x2", "commune", "xa", "747"),
            Unit("x3", "commune", "xa", "748"), Unit("x4", "commune", "xa", "748"),
        };
        var result = TestIndex.Compile(json).Assess(units, [Value("x1", "a", 0.9), Value("x2", "a", 0.5), Value("x3", "a", 0.7), Value("x4", "a", 0.8)], "2023");
        Assert.Equal([1, 4, 3, 2], result.Units.Select(u => u.Rank));
        Assert.Equal([1, 2, 2, 1], result.Units.Select(u => u.RankWithinParent));
    }
}
