using System.Text.Json;
using BRVT.Dti.Definitions;
using static BRVT.Dti.Tests.Indicators.IndicatorFolders;

namespace BRVT.Dti.Tests.Indicators;

/// <summary>The shipped definitions under <c>indicators/</c>: they load cleanly and encode the facts of DOMAIN.md.</summary>
public sealed class IndicatorSetTests
{
    private static readonly string[] Expected =
        ["brvt-agencies", "brvt-communes", "brvt-districts", "brvt-plan-2025", "vn-dti-province-2022", "vn-dti-province-2025"];

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Discover_IndicatorsFolder_FindsEveryShippedIndex()
    {
        // A copied folder for a new year is picked up by the theories below without changing this list.
        Assert.Superset(Expected.ToHashSet(StringComparer.Ordinal), Names().ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void LoadDefinition_ShippedIndex_CompilesWithoutErrorsOrWarnings(string name)
    {
        var result = Load(name);
        Assert.True(result.Problems.Count == 0, Describe(name, result.Problems));
        Assert.NotNull(result.Plan);
        Assert.Equal(name, result.Definition!.Id);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void ReadIndex_ShippedIndex_PointsAtTheSchemaAndHasAReadme(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(IndexPath(name)));
        Assert.Equal("../schema/index-definition.schema.json", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("$schema", document.RootElement.EnumerateObject().First().Name);
        Assert.True(File.Exists(Path.Combine(IndicatorsDirectory, name, "README.md")), $"indicators/{name}/README.md is missing");
    }

    [Fact]
    public void Vn2022_MainIndicators_HaveThePublishedNamesPointsAndComponentCounts()
    {
        var definition = Plan("vn-dti-province-2022").Definition;
        (string Id, string Name, int Components, double Points)[] published =
        [
            ("1", "Nhận thức số", 10, 100), ("2", "Thể chế số", 11, 100), ("3", "Hạ tầng số", 7, 100),
            ("4", "Nhân lực số", 13, 100), ("5", "An toàn thông tin mạng", 12, 100), ("6", "Đô thị thông minh", 3, 0),
            ("7", "Hoạt động chính quyền số", 22, 200), ("8", "Hoạt động kinh tế số", 12, 150), ("9", "Hoạt động xã hội số", 8, 150),
        ];
        Assert.Equal(["I", "II"], definition.Nodes.Select(n => n.Id));
        Assert.Equal("Nhóm chỉ số nền tảng chung", definition.Nodes[0].Name.Vi);
        Assert.Equal("Nhóm chỉ số hoạt động", definition.Nodes[1].Name.Vi);
        Assert.Equal([500.0, 500.0], definition.Nodes.Select(n => n.MaxPoints!.Value));
        var mains = definition.Nodes.SelectMany(n => n.Children).ToList();
        Assert.Equal(9, mains.Count);
        foreach (var (id, name, components, points) in published)
        {
            var main = mains.Single(m => m.Id == id);
            Assert.Equal(name, main.Name.Vi);
            Assert.Equal(points, main.MaxPoints);
            Assert.Equal(components, main.Children.Count);
            Assert.All(main.Children, c => Assert.True(c.IsLeaf));
            Assert.Equal(points, main.Children.Sum(c => c.MaxPoints!.Value), 9);
        }
    }

    [Fact]
    public void Vn2022_Components_Are98IllustrativeLeavesWorth1000Points()
    {
        var plan = Plan("vn-dti-province-2022");
        var leaves = Leaves(plan.Definition.Nodes).ToList();
        Assert.Equal(98, leaves.Count);
        Assert.Equal(1000, plan.Definition.Scale.MaxPoints);
        Assert.Equal(1000, leaves.Sum(l => l.MaxPoints!.Value), 9);
        Assert.Equal(98, plan.Definition.Measures.Count);
        Assert.All(leaves, l =>
        {
            Assert.Contains("minh hoạ", l.Name.Vi, StringComparison.Ordinal);
            Assert.Contains("illustrative", l.Name.Vi, StringComparison.Ordinal);
            Assert.Equal("ratio", l.Rule!.Type);
        });
        Assert.Equal(98, leaves.Select(l => l.Rule!.Parameters.GetProperty("measure").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Node(plan.Definition, "6").Children, c => Assert.Equal(0, c.MaxPoints));
        Assert.Equal(["province"], plan.Definition.UnitKinds);
    }

    [Fact]
    public void Vn2022_Views_AreTheOverlappingPillarsWithMaxima700And650And650()
    {
        var plan = Plan("vn-dti-province-2022");
        Assert.Equal(["cqs", "kts", "xhs"], plan.ResultViews.Select(v => v.Id));
        Assert.Equal([700.0, 650.0, 650.0], plan.ResultViews.Select(v => v.MaxPoints));
        Assert.Equal(["1", "2", "3", "4", "5", "7"], plan.ResultViews[0].Nodes);
        Assert.Equal(["1", "2", "3", "4", "5", "8"], plan.ResultViews[1].Nodes);
        Assert.Equal(["1", "2", "3", "4", "5", "9"], plan.ResultViews[2].Nodes);
        Assert.Empty(plan.Definition.Bands);
        Assert.Equal("total", plan.Definition.Ranking.By);
        Assert.Equal(4, plan.Definition.Scale.Decimals);
    }

    [Fact]
    public void Vn2025_Structure_HasEightIllustrativeMainIndicatorsAnd47ComponentsWorth1000Points()
    {
        var plan = Plan("vn-dti-province-2025");
        var definition = plan.Definition;
        Assert.Equal("405/QĐ-BKHCN", definition.Decision);
        Assert.Equal(8, definition.Nodes.Count);
        Assert.Equal(1000, definition.Nodes.Sum(n => n.MaxPoints!.Value), 9);
        Assert.Equal(47, Leaves(definition.Nodes).Count());
        Assert.Equal(3, definition.Views.Count);
        Assert.All(All(definition.Nodes), n => Assert.Contains("illustrative", n.Name.Vi, StringComparison.Ordinal));
        Assert.All(definition.Views, v => Assert.Contains("minh hoạ", v.Name.Vi, StringComparison.Ordinal));
    }

    [Fact]
    public void BrvtPlan_Targets_AreElevenTargetLeavesWithTheDecisionsComparisons()
    {
        var definition = Plan("brvt-plan-2025").Definition;
        (string Id, double Target, string Comparison)[] expected =
        [
            ("T1", 1.0, ">="), ("T2", 0.5, ">"), ("T3", 0.98, ">="), ("T4", 0.9, ">="), ("T5", 0.4, ">="), ("T6", 1.0, ">="),
            ("T7", 0.9, ">="), ("T8", 1.0, ">="), ("T9", 0.3, ">"), ("T10", 1.0, ">="), ("T11", 0.5, ">="),
        ];
        var leaves = Leaves(definition.Nodes).ToList();
        Assert.Equal(expected.Select(e => e.Id), leaves.Select(l => l.Id));
        foreach (var (leaf, (_, target, comparison)) in leaves.Zip(expected))
        {
            Assert.Equal("target", leaf.Rule!.Type);
            var parameters = leaf.Rule.Parameters;
            Assert.Equal(target, parameters.GetProperty("target").GetDouble());
            Assert.Equal(comparison, parameters.GetProperty("comparison").GetString());
            Assert.Equal($"{leaf.Id.ToLowerInvariant()}_num", parameters.GetProperty("numerator").GetString());
            Assert.Equal($"{leaf.Id.ToLowerInvariant()}_den", parameters.GetProperty("denominator").GetString());
            Assert.Equal(10, leaf.MaxPoints);
        }

        Assert.Equal(110, definition.Scale.MaxPoints);
        Assert.Equal(["province"], leaves.Single(l => l.Id == "T6").AppliesTo);
        Assert.All(leaves.Where(l => l.Id != "T6"), l => Assert.Equal(["agency", "district"], l.AppliesTo));
    }

    [Fact]
    public void BrvtAgencies_Groups_OneRankedAndOneUnrankedAndOnlineServicesApplyToTheRankedOne()
    {
        var definition = Plan("brvt-agencies").Definition;
        Assert.Equal(["so-co-dvc", "so-khong-dvc"], definition.Groups.Select(g => g.Id));
        Assert.True(definition.Groups[0].Ranked);
        Assert.False(definition.Groups[1].Ranked);
        var online = Node(definition, "6a");
        Assert.Equal(["so-co-dvc"], online.AppliesTo);
        var onlineMeasures = Leaves([online]).SelectMany(MeasuresOf).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("online_share", onlineMeasures);
        Assert.Contains("on_time_share", onlineMeasures);
        Assert.Contains("satisfied_share", onlineMeasures);
        Assert.DoesNotContain(Leaves(definition.Nodes).Except(Leaves([online])), l => l.AppliesTo.Count > 0);
    }

    [Fact]
    public void BrvtCommunes_Group_RanksWithinTheParentDistrict()
    {
        var definition = Plan("brvt-communes").Definition;
        var group = Assert.Single(definition.Groups);
        Assert.True(group.Ranked);
        Assert.True(group.RankWithinParent);
        Assert.Equal(["commune"], definition.UnitKinds);
    }

    [Theory]
    [InlineData("brvt-agencies")]
    [InlineData("brvt-districts")]
    [InlineData("brvt-communes")]
    public void BrvtSubIndex_Structure_Is1000PointsWithEvidenceSourceAndVerifierOnEveryLeafAndFourBands(string name)
    {
        var definition = Plan(name).Definition;
        var leaves = Leaves(definition.Nodes).ToList();
        Assert.Equal(1000, definition.Scale.MaxPoints);
        Assert.InRange(leaves.Count, 25, 45);
        Assert.All(leaves, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Evidence), $"{l.Id} has no evidence");
            Assert.False(string.IsNullOrWhiteSpace(l.DataSource), $"{l.Id} has no dataSource");
            Assert.False(string.IsNullOrWhiteSpace(l.VerifiedBy), $"{l.Id} has no verifiedBy");
        });
        Assert.Equal(["Tốt", "Khá", "Trung bình", "Yếu"], definition.Bands.Select(b => b.Name.Vi));
        Assert.Contains(leaves, l => l.Rule!.Type == "boolean" && l.Rule.Parameters.TryGetProperty("half", out var half) && half.GetBoolean());
        Assert.Contains(leaves, l => l.Rule!.Type == "ratio" && l.Rule.Parameters.TryGetProperty("numerator", out _));
        Assert.Contains(leaves, l => l.Rule!.Type == "bands");
    }

    [Theory]
    [InlineData("brvt-agencies")]
    [InlineData("brvt-districts")]
    [InlineData("brvt-communes")]
    [InlineData("brvt-plan-2025")]
    public void BrvtIndex_DossierMeasures_AreDerivedFromPerDossierRecords(string name)
    {
        var derived = Plan(name).Definition.Measures.Where(m => m.Derivation is not null).ToList();
        Assert.NotEmpty(derived);
        Assert.All(derived, m =>
        {
            Assert.Equal("dossiers", m.Derivation!.Records);
            Assert.Contains(m.Derivation.Function, (string[])["ratio", "count"]);
        });
        Assert.Contains(derived, m => m.Derivation!.Filter is { } filter && filter.Contains("online = 1", StringComparison.Ordinal));
        Assert.Contains(derived, m => m.Derivation!.Filter is { } filter && filter.Contains("on_time = 1", StringComparison.Ordinal));
        Assert.Contains(derived, m => m.Derivation!.Filter is { } filter && filter.Contains("satisfied = 1", StringComparison.Ordinal));
    }

    private static IEnumerable<string> MeasuresOf(NodeDefinition leaf)
    {
        foreach (var key in (string[])["measure", "numerator", "denominator"])
        {
            if (leaf.Rule!.Parameters.TryGetProperty(key, out var value))
            {
                yield return value.GetString()!;
            }
        }
    }
}
