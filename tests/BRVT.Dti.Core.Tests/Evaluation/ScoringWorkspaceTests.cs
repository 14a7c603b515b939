using BRVT.Dti.Data;
using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Evaluation;

public sealed class ScoringWorkspaceTests
{
    private static readonly DtiEngine Engine = new();

    [Property(MaxTest = 100)]
    public Property Evaluate_WorkspaceReusedForOtherData_SameScoresViewsAndRanksAsAssess() =>
        Prop.ForAll(ScenarioGenerator.Any(), scenario =>
        {
            var plan = TestIndex.Compile(scenario.DefinitionJson, Engine);
            var first = plan.Prepare(scenario.Units, scenario.Observations, "2023");
            // Other data for the same units: every third observation dropped, the rest scaled.
            var second = plan.Prepare(scenario.Units, scenario.Observations.Where((_, i) => i % 3 != 0).Select(o => o with { Value = o.Value * 0.9 }), "2023");
            var workspace = plan.CreateWorkspace(first);
            plan.Evaluate(first, workspace);
            plan.Evaluate(second, workspace);
            var expected = plan.Assess(second);
            var problems = Differences(expected, workspace).ToList();
            return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems.Take(5)));
        });

    [Fact]
    public void Evaluate_SameDataAgain_AllocatesNothing()
    {
        // Forty generated definitions between them use every built-in rule, every aggregation, views and groups.
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in Enumerable.Range(1, 40).Select(s => s * 104_729))
        {
            var scenario = ScenarioGenerator.Create(seed, monotone: false);
            var plan = TestIndex.Compile(scenario.DefinitionJson, Engine);
            var data = plan.Prepare(scenario.Units, scenario.Observations, "2023");
            var workspace = plan.CreateWorkspace(data);
            plan.Evaluate(data, workspace);
            plan.Evaluate(data, workspace);

            var before = GC.GetAllocatedBytesForCurrentThread();
            plan.Evaluate(data, workspace);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated == 0, $"seed {seed}: {allocated} bytes");
            rules.UnionWith(plan.Leaves.Select(l => l.RuleName));
        }

        Assert.Superset(new HashSet<string>(["boolean", "ratio", "target", "bands", "linear", "relative", "formula"]), rules);
    }

    [Fact]
    public void Evaluate_WorkspaceOfAnotherPlanOrSize_Throws()
    {
        var scenario = ScenarioGenerator.Create(7, monotone: false);
        var plan = TestIndex.Compile(scenario.DefinitionJson, Engine);
        var other = TestIndex.Compile(scenario.DefinitionJson, Engine);
        var data = plan.Prepare(scenario.Units, scenario.Observations, "2023");
        var fewer = plan.Prepare([.. scenario.Units.Skip(1)], scenario.Observations, "2023");

        Assert.Throws<ArgumentException>(() => plan.Evaluate(data, other.CreateWorkspace(other.Prepare(scenario.Units, scenario.Observations, "2023"))));
        Assert.Throws<ArgumentException>(() => plan.Evaluate(data, plan.CreateWorkspace(fewer)));
    }

    private static IEnumerable<string> Differences(AssessmentResult expected, ScoringWorkspace actual)
    {
        for (var u = 0; u < expected.Units.Count; u++)
        {
            var unit = expected.Units[u];
            for (var n = 0; n < unit.Nodes.Count; n++)
            {
                if (!Same(unit.Nodes[n], actual.Score(n, u)))
                {
                    yield return $"unit {unit.Unit.Id}, node {n}: Assess {unit.Nodes[n]}, workspace {actual.Score(n, u)}";
                }
            }

            for (var v = 0; v < unit.Views.Count; v++)
            {
                if (!Same(unit.Views[v], actual.ViewScore(v, u)))
                {
                    yield return $"unit {unit.Unit.Id}, view {v}: Assess {unit.Views[v]}, workspace {actual.ViewScore(v, u)}";
                }
            }

            if (unit.Rank != actual.Rank(u) || unit.RankWithinParent != actual.RankWithinParent(u))
            {
                yield return $"unit {unit.Unit.Id}: Assess ranks {unit.Rank}/{unit.RankWithinParent}, workspace {actual.Rank(u)}/{actual.RankWithinParent(u)}";
            }
        }
    }

    private static bool Same(NodeScore a, NodeScore b) =>
        a.Flags == b.Flags && Bits(a.Points) == Bits(b.Points) && Bits(a.MaxPoints) == Bits(b.MaxPoints) && Bits(a.Value) == Bits(b.Value);

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
