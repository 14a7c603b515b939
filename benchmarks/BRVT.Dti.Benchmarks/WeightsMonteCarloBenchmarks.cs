using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BRVT.Dti.Analysis;
using BRVT.Dti.Ranking;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// Weight perturbation (±25%) over 1000 units × 2000 replications, four ways: the whole pipeline run again per
/// replication (the baseline: normalise, aggregate every level, rank); only the aggregation and ranking redone per
/// replication on the normalised matrix; and the batched matrix-product evaluation, single-threaded and on every core
/// (the batched runs also compute rank bands and 59 variance shares, which the loops do not). Also run with AVX2 and
/// with all hardware intrinsics off, for the element-wise kernels.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class WeightsMonteCarloBenchmarks
{
    private const int Replications = 2000;
    private CompositeStructure structure = null!;
    private IndicatorMatrix data = null!;
    private CompositePipeline pipeline = null!;
    private CompositeResult nominal = null!;

    [GlobalSetup]
    public void Setup()
    {
        structure = AsemLikeData.Structure();
        data = AsemLikeData.Units(structure, 1000);
        pipeline = new CompositePipelineBuilder(structure).Build();
        nominal = pipeline.Run(data);
    }

    [Benchmark(Baseline = true, Description = "pipeline.Run per replication")]
    public int FullRecomputation()
    {
        var random = new Random(0);
        var check = 0;
        for (var r = 0; r < Replications; r++)
        {
            var weights = structure.Nodes.ToDictionary(n => n.Code, n => n.Weight * (1 + (0.25 * ((2 * random.NextDouble()) - 1))));
            var result = new CompositePipelineBuilder(structure.WithWeights(weights)).Build().Run(data);
            check += result.Ranks(structure.Root)[0] ?? 0;
        }

        return check;
    }

    [Benchmark(Description = "re-aggregate and rank per replication")]
    public int Reaggregation()
    {
        var random = new Random(0);
        var partitions = new int[data.UnitCount];
        var check = 0;
        for (var r = 0; r < Replications; r++)
        {
            var weights = structure.Nodes.ToDictionary(n => n.Code, n => n.Weight * (1 + (0.25 * ((2 * random.NextDouble()) - 1))));
            var perturbed = structure.WithWeights(weights);
            var aggregated = CompositeSteps.Aggregate(nominal.Normalised, perturbed, new AggregationOptions()).Matrix;
            var ranks = CompetitionRanking.Rank(aggregated.Column(structure.Root).ToArray(), partitions, aggregated.UnitIds, 15, 0);
            check += ranks[0] ?? 0;
        }

        return check;
    }

    [Benchmark(Description = "batched, 1 thread")]
    public int BatchedSingleThread() =>
        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions { Replications = Replications, MaxDegreeOfParallelism = 1 }).Units.Count;

    [Benchmark(Description = "batched, all cores")]
    public int Batched() =>
        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions { Replications = Replications }).Units.Count;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5);
            AddJob(job.WithId("default"));
            AddJob(job.WithEnvironmentVariable("DOTNET_EnableAVX2", "0").WithId("AVX2 off"));
            AddJob(job.WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0").WithId("intrinsics off"));
        }
    }
}
