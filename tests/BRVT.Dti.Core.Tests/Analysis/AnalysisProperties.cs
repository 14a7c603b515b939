using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Analysis;

public sealed class AnalysisProperties
{
    [Property(Arbitrary = [typeof(AnalysisArbitraries)], MaxTest = 100)]
    public bool Normalise_MinMaxToAnyRange_EveryValueWithinTheRange(IndicatorSample sample, int low, PositiveInt width)
    {
        var (lo, hi) = ((double)low, (double)low + width.Get);
        var result = CompositeSteps.Normalise(sample.ToMatrix(), sample.Structure(), Normalisation.MinMax(lo, hi)).Matrix;
        return sample.Codes.All(c => result.Column(c).ToArray().All(v => double.IsNaN(v) || (v >= lo && v <= hi)));
    }

    [Property(Arbitrary = [typeof(AnalysisArbitraries)], MaxTest = 100)]
    public bool Normalise_PercentileRankAndTruncatedGoalposts_WithinZeroToOneAndScale(IndicatorSample sample)
    {
        var structure = CompositeStructure.Create(sample.Structure().Nodes.Select(n => n.IsIndicator ? n with { GoalpostLow = -500, GoalpostHigh = 500 } : n));
        var ranks = CompositeSteps.Normalise(sample.ToMatrix(), structure, Normalisation.PercentileRank()).Matrix;
        var posts = CompositeSteps.Normalise(sample.ToMatrix(), structure, Normalisation.Goalposts(10)).Matrix;
        return sample.Codes.All(c =>
            ranks.Column(c).ToArray().All(v => double.IsNaN(v) || v is >= 0 and <= 1) &&
            posts.Column(c).ToArray().All(v => double.IsNaN(v) || v is >= 0 and <= 10));
    }

    [Property(MaxTest = 200)]
    public Property Aggregate_IdenticalChildren_ReturnsThatValue(PositiveInt hundredths, NonEmptyArray<PositiveInt> weights, AggregationKind kind)
    {
        var v = hundredths.Get / 100.0;
        var codes = weights.Get.Select((_, i) => $"c{i}").ToArray();
        var structure = Matrices.Flat([.. codes.Select((c, i) => CompositeNode.Indicator(c, "I", weight: weights.Get[i].Get))]);
        var matrix = IndicatorMatrix.Create(["u"], codes, [.. codes.Select(_ => new[] { v })]);
        var index = CompositeSteps.Aggregate(matrix, structure, new AggregationOptions { Kind = kind }).Matrix.Column("I")[0];
        return (Math.Abs(index - v) <= 1e-12 * v).Label($"{kind} of {v} gave {index}");
    }

    [Property(Arbitrary = [typeof(AnalysisArbitraries)], MaxTest = 60)]
    public bool Run_ShuffledUnits_EveryScoreAndRankUnchanged(IndicatorSample sample)
    {
        var pipeline = new CompositePipelineBuilder(sample.Structure())
            .Impute(ImputationOptions.GroupMean("group"))
            .TreatOutliers(new OutlierOptions())
            .Normalise(Normalisation.ZScore(50, 10))
            .Build();
        var a = pipeline.Run(sample.ToMatrix());
        var b = pipeline.Run(sample.ToMatrix(shuffled: true));
        return a.UnitIds.All(u =>
            sample.Codes.Append("I").All(c => BitConverter.DoubleToInt64Bits(a.Score(u, c)) == BitConverter.DoubleToInt64Bits(b.Score(u, c))) &&
            a.Rank(u) == b.Rank(u));
    }

    [Property(Arbitrary = [typeof(AnalysisArbitraries)], MaxTest = 40)]
    public bool Uncertainty_ZeroPerturbation_EveryBandIsTheNominalRank(IndicatorSample sample)
    {
        var pipeline = new CompositePipelineBuilder(sample.Structure()).Build();
        var result = UncertaintyAnalysis.Run(pipeline, sample.ToMatrix(), new UncertaintyOptions { Replications = 5, WeightPerturbation = 0 });
        return result.Units.All(b => b.NominalRank is { } r
            ? b.Percentile5 == r && b.Percentile95 == r && b.MedianRank == r
            : double.IsNaN(b.Percentile5) && b.RankedReplications == 0);
    }

    [Property(Arbitrary = [typeof(AnalysisArbitraries)], MaxTest = 30)]
    public bool Uncertainty_SameSeed_SameResult(IndicatorSample sample, int seed)
    {
        var pipeline = new CompositePipelineBuilder(sample.Structure()).Build();
        var options = new UncertaintyOptions
        {
            Replications = 50,
            Seed = seed,
            WeightPerturbation = 0.4,
            ExcludeIndicators = true,
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Harmonic],
        };
        var a = UncertaintyAnalysis.Run(pipeline, sample.ToMatrix(), options);
        var b = UncertaintyAnalysis.Run(pipeline, sample.ToMatrix(), options);
        return a.Units.SequenceEqual(b.Units) &&
            a.Units.All(u => a.ReplicationRanks(u.Unit).SequenceEqual(b.ReplicationRanks(u.Unit))) &&
            a.VarianceShares.Select(s => s.Share).SequenceEqual(b.VarianceShares.Select(s => s.Share));
    }
}
