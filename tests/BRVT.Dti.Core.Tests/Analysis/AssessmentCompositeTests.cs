using BRVT.Dti.Analysis;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;
using BRVT.Dti.Tests.Indicators;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Tests.Analysis;

/// <summary>An assessment of an index definition as a composite: structure, weights, data, nominal scores, rank bands.</summary>
public sealed class AssessmentCompositeTests
{
    private const string Period = "2023";

    private static string Share(string measure) => $$"""{ "type": "ratio", "measure": "{{measure}}" }""";

    // Root (sum, 100 points): p1 (sum, 60: a 20 + b 40) and p2 (mean, 40: c weight 1, d weight 3).
    private static readonly string MixedTree = Minimal(
        string.Join(",", new[] { "a", "b", "c", "d" }.Select(m => Measure(m))),
        $$"""
        { "id": "p1", "name": "p1", "maxPoints": 60, "children": [ {{Leaf("a", 20, Share("a"))}}, {{Leaf("b", 40, Share("b"))}} ] },
        { "id": "p2", "name": "p2", "maxPoints": 40, "aggregation": "mean", "children": [
          { "id": "c", "name": "c", "weight": 1, "rule": {{Share("c")}} },
          { "id": "d", "name": "d", "weight": 3, "rule": {{Share("d")}} } ] }
        """);

    private static readonly (string Id, double A, double B, double C, double D)[] MixedUnits =
    [
        ("u1", 0.9, 0.2, 0.5, 0.4), ("u2", 0.1, 0.8, 0.3, 0.9), ("u3", 0.6, 0.6, 0.6, 0.1), ("u4", 0.3, 0.4, 1.0, 0.7),
    ];

    private static (ScoringPlan Plan, AssessmentResult Result) AssessMixed()
    {
        var plan = Compile(MixedTree);
        var observations = MixedUnits.SelectMany(u => new[] { Value(u.Id, "a", u.A), Value(u.Id, "b", u.B), Value(u.Id, "c", u.C), Value(u.Id, "d", u.D) });
        return (plan, plan.Assess([.. MixedUnits.Select(u => Unit(u.Id))], observations, Period));
    }

    [Fact]
    public void Create_SumAndMeanNodes_WeightsAreMaximaUnderSumsAndWeightsUnderMeans()
    {
        var (plan, result) = AssessMixed();
        var composite = AssessmentComposite.Create(plan, result);
        var structure = composite.Structure;
        Assert.Equal("test-index", structure.Root);
        Assert.Equal(["a", "b", "c", "d"], structure.Indicators);
        Assert.Equal(["p1", "p2", "test-index"], structure.Aggregates);
        Assert.Equal([20.0, 40, 1, 3, 60, 40], new[] { "a", "b", "c", "d", "p1", "p2" }.Select(c => structure[c].Weight));
        Assert.Equal(0.9, composite.Data.Value("u1", "a"));
        Assert.Equal("test-index", composite.Target);
        Assert.Empty(composite.LeftOut);
        Assert.Empty(composite.Notes);
    }

    [Fact]
    public void Create_SumAndMeanNodes_NominalIndexIsThePublishedTotalShare()
    {
        var (plan, result) = AssessMixed();
        var composite = AssessmentComposite.Create(plan, result);
        var nominal = composite.Pipeline.Run(composite.Data);
        foreach (var (id, a, b, c, d) in MixedUnits)
        {
            // By hand: (20a + 40b + 40 · (c + 3d) / 4) / 100.
            var expected = ((20 * a) + (40 * b) + (40 * (c + (3 * d)) / 4)) / 100;
            Assert.Equal(expected, nominal.Score(id, "test-index"), 12);
            Assert.Equal(result.Units.Single(u => u.Unit.Id == id).Total.Value, nominal.Score(id, "test-index"), 12);
        }

        Assert.True(composite.NominalDeviation < 1e-12, $"deviation {composite.NominalDeviation}");
    }

    [Fact]
    public void RunUncertainty_NoPerturbation_BandsAreThePublishedRanks()
    {
        var (plan, result) = AssessMixed();
        var analysis = AssessmentComposite.Create(plan, result).RunUncertainty(new UncertaintyOptions { Replications = 50, WeightPerturbation = 0 });
        Assert.Equal(result.Units.Select(u => u.Rank), analysis.Units.Select(b => b.NominalRank));
        Assert.All(analysis.Units, b => Assert.Equal((double)b.NominalRank!.Value, b.Percentile5));
        Assert.All(analysis.Units, b => Assert.Equal((double)b.NominalRank!.Value, b.Percentile95));
    }

    [Fact]
    public void RunUncertainty_PerturbedWeights_VarianceSharesNameTheDefinitionsNodes()
    {
        var (plan, result) = AssessMixed();
        var analysis = AssessmentComposite.Create(plan, result).RunUncertainty(new UncertaintyOptions { Replications = 400, Seed = 3, WeightPerturbation = 0.5 });
        Assert.Equal("test-index", analysis.Target);
        Assert.Equal(
            ["weight:a", "weight:b", "weight:c", "weight:d", "weight:p1", "weight:p2"],
            analysis.VarianceShares.Select(s => s.Input).Order(StringComparer.Ordinal));
        Assert.All(analysis.Units, b => Assert.InRange(b.Percentile5, 1, b.MedianRank));
        Assert.All(analysis.Units, b => Assert.InRange(b.Percentile95, b.MedianRank, 4));
        Assert.Contains(analysis.Units, b => b.Percentile95 > b.Percentile5);
    }

    [Fact]
    public void Create_MissingPolicy_LeavesTheUnitWithoutTotalOutWithTheReason()
    {
        var plan = Compile(Minimal(Measure("a") + "," + Measure("b"), Leaf("a", 50, Share("a")) + "," + Leaf("b", 50, Share("b")), "\"missingData\": \"missing\""));
        var result = plan.Assess([Unit("u"), Unit("v"), Unit("w")], [Value("u", "a", 1), Value("v", "a", 1), Value("v", "b", 1), Value("w", "a", 0.2), Value("w", "b", 0.4)], Period);
        var composite = AssessmentComposite.Create(plan, result);
        Assert.Equal(["v", "w"], composite.Data.UnitIds);
        var left = Assert.Single(composite.LeftOut);
        Assert.Equal("u", left.Unit);
        Assert.Contains("'missing' policy", left.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ExcludePolicyUnderASumChain_NotesTheDeviationFromThePublishedTotal()
    {
        // p (sum, 50: a 25 + b 25) and c (50). Without b, the engine shrinks p's maximum to 25 (total = (25a + 50c)/75);
        // the composite keeps p's weight 50 (COINr's convention): (50a + 50c)/100.
        var plan = Compile(Minimal(
            Measure("a") + "," + Measure("b") + "," + Measure("c"),
            $$"""{ "id": "p", "name": "p", "maxPoints": 50, "children": [ {{Leaf("a", 25, Share("a"))}}, {{Leaf("b", 25, Share("b"), "\"missingData\": \"exclude\"")}} ] }, {{Leaf("c", 50, Share("c"))}}"""));
        var result = plan.Assess([Unit("u"), Unit("v")], [Value("u", "a", 1), Value("u", "c", 0), Value("v", "a", 0.5), Value("v", "b", 0.5), Value("v", "c", 0.5)], Period);
        var composite = AssessmentComposite.Create(plan, result);
        Assert.Equal(25.0 / 75, result.Units[0].Total.Value, 12);
        Assert.Equal(0.5, composite.Pipeline.Run(composite.Data).Score("u", composite.Target), 12);
        Assert.Equal(0.5 - (25.0 / 75), composite.NominalDeviation, 12);
        Assert.Contains(composite.Notes, n => n.Contains("'exclude' policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_IndexWithGroupsAndNoGroupNamed_AsksForTheGroup()
    {
        var plan = IndicatorFolders.Plan("brvt-agencies");
        var result = plan.Assess([Unit("so-tttt", group: "so-co-dvc")], Synthetic(plan.Definition, "so-tttt", new Random(1)), Period);
        var exception = Assert.Throws<ArgumentException>(() => AssessmentComposite.Create(plan, result));
        Assert.Contains("so-co-dvc, so-khong-dvc", exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AssessmentComposite.ForEachRankedGroup), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NodeApplyingToSomeUnitsOnly_IsRefusedNamingTheNodeAndAUnit()
    {
        var plan = Compile(Minimal(
            Measure("online") + "," + Measure("docs"),
            Leaf("online", 40, Share("online"), "\"appliesTo\": [\"district\"]") + "," + Leaf("docs", 60, Share("docs")),
            "\"unitKinds\": [\"district\", \"agency\"]"));
        var result = plan.Assess([Unit("d", kind: "district"), Unit("a", kind: "agency")], [Value("d", "online", 1), Value("d", "docs", 1), Value("a", "docs", 1)], Period);
        var exception = Assert.Throws<ArgumentException>(() => AssessmentComposite.Create(plan, result));
        Assert.Contains("'online' applies to 1 of the 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachRankedGroup_BrvtAgencies_AnalysesTheRankedGroupWithoutItsInapplicableNodes()
    {
        var plan = IndicatorFolders.Plan("brvt-agencies");
        var random = new Random(5);
        var ranked = Enumerable.Range(1, 8).Select(i => Unit($"co-{i}", group: "so-co-dvc")).ToList();
        var unranked = Enumerable.Range(1, 3).Select(i => Unit($"khong-{i}", group: "so-khong-dvc")).ToList();
        UnitInfo[] units = [.. ranked, .. unranked];
        var result = plan.Assess(units, units.SelectMany(u => Synthetic(plan.Definition, u.Id, random)).ToList(), Period);
        Assert.Empty(result.Issues);

        var composite = Assert.Single(AssessmentComposite.ForEachRankedGroup(plan, result));
        Assert.Equal("so-co-dvc", composite.Group);
        Assert.Equal(ranked.Select(u => u.Id), composite.Data.UnitIds);
        Assert.True(composite.NominalDeviation < 1e-12, $"deviation {composite.NominalDeviation}");
        Assert.Empty(composite.Notes);

        var analysis = composite.RunUncertainty(new UncertaintyOptions { Replications = 300, Seed = 1, ExcludeIndicators = true });
        Assert.Equal(ranked.Select(u => result.Units.Single(r => r.Unit.Id == u.Id).Rank), analysis.Units.Select(b => b.NominalRank));
        Assert.All(analysis.Units, b => Assert.Equal(300, b.RankedReplications));
        Assert.All(analysis.Units, b => Assert.InRange(b.Percentile5, 1, b.Percentile95));
        Assert.All(analysis.Units, b => Assert.InRange(b.Percentile95, b.Percentile5, 8));
        Assert.Contains(analysis.VarianceShares, s => s.Input == "excluded indicator");

        // The node for public services online (6a) does not apply to departments without public services: an
        // analysis of that (unranked) group drops it instead of refusing.
        var other = AssessmentComposite.Create(plan, result, "so-khong-dvc");
        Assert.False(other.Structure.Contains("6a"));
        Assert.True(composite.Structure.Contains("6a"));
        Assert.True(other.NominalDeviation < 1e-12, $"deviation {other.NominalDeviation}");
    }

    [Fact]
    public void Create_Vn2022_DropsTheUnscoredSmartCityBranchAndReproducesTheTotals()
    {
        var plan = IndicatorFolders.Plan("vn-dti-province-2022");
        var random = new Random(9);
        var units = Enumerable.Range(1, 10).Select(i => Unit($"p{i}", kind: "province")).ToList();
        var observations = units.SelectMany(u => plan.Definition.Measures.Select(m => Value(u.Id, m.Id, Math.Round(random.NextDouble(), 3), "2022"))).ToList();
        var result = plan.Assess(units, observations, "2022");
        var composite = AssessmentComposite.Create(plan, result);
        Assert.False(composite.Structure.Contains("6"));
        Assert.Equal(["I", "II"], composite.Structure.Children(composite.Structure.Root));
        Assert.Equal(["1", "2", "3", "4", "5"], composite.Structure.Children("I"));
        Assert.True(composite.NominalDeviation < 1e-12, $"deviation {composite.NominalDeviation}");
        var nominal = composite.Pipeline.Run(composite.Data);
        Assert.Equal(result.Units.Select(u => u.Rank), nominal.Ranks(composite.Target));
    }

    /// <summary>
    /// Observations for every measure a definition's rules read, each leaf at its own random quality (0..1): counts of
    /// ratios are quality × 200 over 200, yes/no is 1 / ½ / 0, band counts scale to the best band, shares are the quality.
    /// </summary>
    private static List<Observation> Synthetic(IndexDefinition definition, string unit, Random random)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var leaf in IndicatorFolders.Leaves(definition.Nodes))
        {
            var quality = Math.Round(random.NextDouble(), 3);
            var p = leaf.Rule!.Parameters;
            switch (leaf.Rule.Type)
            {
                case "boolean":
                    values.TryAdd(p.GetProperty("measure").GetString()!, quality >= 0.75 ? 1 : quality >= 0.4 ? 0.5 : 0);
                    break;
                case "ratio" or "target" when p.TryGetProperty("numerator", out var numerator):
                    values.TryAdd(p.GetProperty("denominator").GetString()!, 200);
                    values.TryAdd(numerator.GetString()!, Math.Round(quality * 200));
                    break;
                case "ratio" or "target":
                    values.TryAdd(p.GetProperty("measure").GetString()!, quality);
                    break;
                case "bands":
                    var best = p.GetProperty("bands")[0];
                    var measure = p.GetProperty("measure").GetString()!;
                    values.TryAdd(measure, best.TryGetProperty("min", out var min)
                        ? (min.GetDouble() <= 1 ? quality : Math.Round(quality * min.GetDouble()))
                        : Math.Round((1 - quality) * 2));
                    break;
                default:
                    throw new InvalidOperationException($"The synthetic data do not know the rule '{leaf.Rule.Type}' of leaf {leaf.Id}.");
            }
        }

        return [.. values.Select(kv => Value(unit, kv.Key, kv.Value, Period))];
    }
}
