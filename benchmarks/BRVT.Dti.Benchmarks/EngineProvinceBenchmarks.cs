using BenchmarkDotNet.Attributes;
using BRVT.Dti.Benchmarks.Workloads;
using BRVT.Dti.Evaluation;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// The engine on W1 at province size: a compiled index definition (100 linear leaves → 9 → 3 → total, weighted means,
/// missing data excluded) over 100 units. Baseline: <c>Assess</c>, which builds the immutable result (every unit's
/// node and view scores, ranks, bands, the manifest with its hashes). Against it: <c>Evaluate</c> into a reused
/// workspace, the allocation-free path (same scores and ranks, no result objects).
/// </summary>
[MemoryDiagnoser]
public class EngineProvinceBenchmarks
{
    private const int Units = 100;
    private ScoringPlan plan = null!;
    private AssessmentData data = null!;
    private ScoringWorkspace workspace = null!;

    [GlobalSetup]
    public void Setup()
    {
        var structure = W1Data.Structure();
        plan = W1Engine.Plan(structure);
        data = plan.Prepare(W1Engine.Units(Units), W1Engine.Observations(structure, W1Data.Columns(Units)), "2026");
        workspace = plan.CreateWorkspace(data);
        var result = plan.Assess(data);
        plan.Evaluate(data, workspace);
        for (var u = 0; u < Units; u++)
        {
            if (result.Units[u].Rank != workspace.Rank(u) || result.Units[u].Total != workspace.Score(0, u))
            {
                throw new InvalidOperationException($"Unit {u}: Assess and Evaluate differ.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "plan.Assess (immutable result)")]
    public int Assess() => plan.Assess(data).Units[0].Rank ?? 0;

    [Benchmark(Description = "plan.Evaluate, reused workspace")]
    public int Evaluate()
    {
        plan.Evaluate(data, workspace);
        return workspace.Rank(0) ?? 0;
    }
}
