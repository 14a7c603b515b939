using BenchmarkDotNet.Attributes;
using BRVT.Dti.Analysis;
using BRVT.Dti.Benchmarks.Workloads;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// W1: 1,000,000 units × 100 indicators in memory (800 MB of doubles), goalposts with direction and truncation, missing
/// values skipped with weights re-normalised, 100 → 9 → 3 → index, competition ranks. Target: ≤ 100 ms warm.
/// "Cold" allocates a new output buffer per run (fresh pages: 104 MB of scores, 4 MB of ranks, the ranking scratch);
/// "warm" reuses one.
/// </summary>
[MemoryDiagnoser]
public class W1AggregationBenchmarks
{
    private const int Units = 1_000_000;
    private double[][] columns = null!;
    private IndicatorMatrix data = null!;
    private ScalarComposite scalar = null!;
    private CompositeKernel kernel = null!;
    private CompositeScores scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var structure = W1Data.Structure();
        data = W1Data.Matrix(Units);
        columns = [.. structure.Indicators.Select(c => data.Column(c).ToArray())];
        scalar = new ScalarComposite(structure, 100);
        kernel = CompositeKernel.Create(W1Data.Pipeline(structure));
        scores = kernel.CreateScores(Units);
        var (expected, ranks) = scalar.Run(columns);
        kernel.Evaluate(data, scores);
        W1Check.Same("W1", expected, ranks, scores);
    }

    [Benchmark(Baseline = true, Description = "scalar loops, 1 thread")]
    public int Scalar() => scalar.Run(columns).Ranks[0];

    [Benchmark(Description = "kernel, warm buffer, 1 thread")]
    public int KernelOneThread()
    {
        kernel.Evaluate(data, scores, maxDegreeOfParallelism: 1);
        return scores.Ranks[0];
    }

    [Benchmark(Description = "kernel, warm buffer, all cores")]
    public int Kernel()
    {
        kernel.Evaluate(data, scores);
        return scores.Ranks[0];
    }

    [Benchmark(Description = "kernel, cold buffer, all cores")]
    public int KernelCold()
    {
        var fresh = kernel.CreateScores(Units);
        kernel.Evaluate(data, fresh);
        return fresh.Ranks[0];
    }
}
