using BenchmarkDotNet.Attributes;
using BRVT.Dti.Analysis;
using BRVT.Dti.Benchmarks.Workloads;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// W3: 1000 units × 100 indicators (the W1 structure and data), 1000 replications of ±25% weight perturbation, ranks
/// per replication, median and 5–95% rank per unit. Targets: ≤ 80 ms; 10,000 replications ≤ 0.8 s. Baseline: a plain
/// scalar loop (re-aggregate and sort per replication). The library runs include the nominal pipeline run; "with
/// variance shares" also estimates the first-order variance share of each of the 112 weights.
/// </summary>
[MemoryDiagnoser]
public class W3MonteCarloBenchmarks
{
    private IndicatorMatrix data = null!;
    private CompositePipeline pipeline = null!;
    private ScalarMonteCarlo scalar = null!;

    [GlobalSetup]
    public void Setup()
    {
        var structure = W1Data.Structure();
        data = W1Data.Matrix(1000);
        pipeline = W1Data.Pipeline(structure);
        var normalised = pipeline.Run(data).Normalised;
        scalar = new ScalarMonteCarlo(structure, [.. structure.Indicators.Select(c => normalised.Column(c).ToArray())]);
    }

    [Benchmark(Baseline = true, Description = "scalar loop, 1000 replications, 1 thread")]
    public double Scalar() => scalar.Run(1000, seed: 1)[0].Median;

    [Benchmark(Description = "1000 replications, 1 thread")]
    public double OneThread() => Run(1000, 1, shares: false);

    [Benchmark(Description = "1000 replications, all cores")]
    public double AllCores() => Run(1000, null, shares: false);

    [Benchmark(Description = "1000 replications + 112 variance shares, all cores")]
    public double WithShares() => Run(1000, null, shares: true);

    [Benchmark(Description = "10,000 replications, all cores")]
    public double TenThousand() => Run(10_000, null, shares: false);

    private double Run(int replications, int? threads, bool shares) =>
        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions { Replications = replications, Seed = 1, MaxDegreeOfParallelism = threads, VarianceShares = shares }).Units[0].MedianRank;
}
