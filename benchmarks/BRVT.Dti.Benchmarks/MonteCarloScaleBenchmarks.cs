using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// The acceptance run: 10 000 replications over 1000 units (ASEM structure, 49 indicators), including the rank
/// bands and the variance shares of every input.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MonteCarloScaleBenchmarks
{
    private IndicatorMatrix data = null!;
    private CompositePipeline pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var structure = AsemLikeData.Structure();
        data = AsemLikeData.Units(structure, 1000);
        pipeline = new CompositePipelineBuilder(structure).Build();
    }

    [Benchmark(Baseline = true, Description = "10k × 1000: weights ±25%")]
    public int Weights() =>
        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions { Replications = 10_000 }).Units.Count;

    [Benchmark(Description = "10k × 1000: weights, leave-one-out, 3 normalisations × 3 aggregations")]
    public int WeightsAndChoices() =>
        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions
        {
            Replications = 10_000,
            ExcludeIndicators = true,
            NormalisationChoices = [Normalisation.MinMax(), Normalisation.ZScore(50, 10), Normalisation.PercentileRank()],
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric, AggregationKind.Harmonic],
        }).Units.Count;
}
