using BenchmarkDotNet.Attributes;
using BRVT.Dti.Analysis;
using BRVT.Dti.Benchmarks.Workloads;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// W1 at province size: 100 units × 100 indicators, goalposts with direction and truncation, missing values skipped
/// with weights re-normalised, 100 → 9 → 3 → index, competition ranks of the index. Target: ≤ 20 µs, 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class W1ProvinceBenchmarks
{
    private const int Units = 100;
    private double[][] columns = null!;
    private IndicatorMatrix data = null!;
    private CompositePipeline pipeline = null!;
    private ScalarComposite scalar = null!;
    private CompositeKernel kernel = null!;
    private CompositeScores scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var structure = W1Data.Structure();
        columns = W1Data.Columns(Units);
        data = IndicatorMatrix.Create([.. Enumerable.Range(0, Units).Select(W1Data.UnitId)], structure.Indicators, columns);
        pipeline = W1Data.Pipeline(structure);
        scalar = new ScalarComposite(structure, 100);
        kernel = CompositeKernel.Create(pipeline);
        scores = kernel.CreateScores(Units);
        var (expected, ranks) = scalar.Run(columns);
        kernel.Evaluate(data, scores);
        W1Check.Same("W1 province", expected, ranks, scores);
    }

    [Benchmark(Baseline = true, Description = "scalar loops (unit by unit, Array.Sort)")]
    public int Scalar() => scalar.Run(columns).Ranks[0];

    [Benchmark(Description = "CompositePipeline.Run (published path, with reports)")]
    public int Pipeline() => pipeline.Run(data).Ranks("DTI")[0] ?? 0;

    [Benchmark(Description = "CompositeKernel.Evaluate, reused buffer")]
    public int Kernel()
    {
        kernel.Evaluate(data, scores);
        return scores.Ranks[0];
    }
}
