using BRVT.Dti.Evaluation;
using BRVT.Dti.Ranking;
using BRVT.Dti.Results;
using BRVT.Dti.Scoring;

namespace BRVT.Dti;

/// <summary>
/// The reusable buffers of one evaluation of a <see cref="ScoringPlan"/> over a fixed number of units: every node's
/// share, points and maximum per unit, the views, the ranking basis and the ranks. Create one with
/// <see cref="ScoringPlan.CreateWorkspace"/> and pass it to <see cref="ScoringPlan.Evaluate"/> as often as needed:
/// evaluating the same data again allocates nothing; evaluating other data of the same size allocates only the
/// binding of its columns to the rule kernels.
/// </summary>
/// <remarks>
/// Not thread-safe: one evaluation at a time per workspace (a plan is thread-safe; give each thread a workspace).
/// Values read from it describe the last evaluation. <see cref="ScoringPlan.Assess(AssessmentData, CancellationToken)"/>
/// builds its immutable result from a workspace, so both report the same scores and ranks.
/// </remarks>
public sealed class ScoringWorkspace
{
    internal ScoringWorkspace(ScoringPlan plan, int unitCount)
    {
        Plan = plan;
        UnitCount = unitCount;
        var leaves = plan.Leaves.Length;
        var views = plan.ViewNodes.Length;
        Scores = new TreeScores(plan.Nodes.Length, unitCount);
        LeafShares = [.. Enumerable.Range(0, leaves).Select(_ => new double[unitCount])];
        Peers = [.. Enumerable.Range(0, leaves).Select(_ => new int[unitCount])];
        LeafInputs = new RuleInputs[leaves];
        ViewPoints = [.. Enumerable.Range(0, views).Select(_ => new double[unitCount])];
        ViewMax = [.. Enumerable.Range(0, views).Select(_ => new double[unitCount])];
        ViewFlags = [.. Enumerable.Range(0, views).Select(_ => new ScoreFlags[unitCount])];
        Basis = new double[unitCount];
        GroupPartitions = new int[unitCount];
        ParentPartitions = new int[unitCount];
        Ranks = new int[unitCount];
        ParentRanks = new int[unitCount];
        Ranker = new PartitionedRanker(unitCount, Math.Max(unitCount, plan.Definition.Groups.Count));
    }

    /// <summary>The plan this workspace evaluates.</summary>
    public ScoringPlan Plan { get; }

    /// <summary>The number of units.</summary>
    public int UnitCount { get; }

    /// <summary>The data of the last evaluation (its columns are bound to the rule kernels).</summary>
    internal AssessmentData? Data { get; private set; }

    internal TreeScores Scores { get; }

    internal double[][] LeafShares { get; }

    internal int[][] Peers { get; }

    internal RuleInputs[] LeafInputs { get; }

    internal double[][] ViewPoints { get; }

    internal double[][] ViewMax { get; }

    internal ScoreFlags[][] ViewFlags { get; }

    /// <summary>Each unit's ranking value (total, view or node value; NaN for none).</summary>
    internal double[] Basis { get; }

    internal int[] GroupPartitions { get; }

    internal int[] ParentPartitions { get; }

    /// <summary>Rank in the unit's group, 0 for none.</summary>
    internal int[] Ranks { get; }

    /// <summary>Rank among the group's units that share the unit's parent, 0 for none.</summary>
    internal int[] ParentRanks { get; }

    internal PartitionedRanker Ranker { get; }

    /// <summary>A node's score for a unit, as <see cref="UnitResult.Nodes"/> reports it.</summary>
    /// <param name="node">The node's position in <see cref="ScoringPlan.ResultNodes"/> (0 is the total).</param>
    /// <param name="unit">The unit's position in the data's <see cref="AssessmentData.Units"/>.</param>
    /// <returns>Points, maximum, value and flags.</returns>
    public NodeScore Score(int node, int unit) => Scores.Score(node, unit);

    /// <summary>A view's score for a unit, as <see cref="UnitResult.Views"/> reports it.</summary>
    /// <param name="view">The view's position in <see cref="ScoringPlan.ResultViews"/>.</param>
    /// <param name="unit">The unit's position.</param>
    /// <returns>Points, maximum, value and flags.</returns>
    public NodeScore ViewScore(int view, int unit)
    {
        var flags = ViewFlags[view][unit];
        if ((flags & ScoreFlags.NotApplicable) != 0)
        {
            return new NodeScore(0, 0, double.NaN, ScoreFlags.NotApplicable);
        }

        var (points, max) = (ViewPoints[view][unit], ViewMax[view][unit]);
        var missing = (flags & ScoreFlags.Missing) != 0;
        return new NodeScore(missing ? double.NaN : points, max, missing || max <= 0 ? double.NaN : points / max, flags);
    }

    /// <summary>The value a unit is ranked by (the total's, a view's or a node's, as the definition's ranking says).</summary>
    /// <param name="unit">The unit's position.</param>
    /// <returns>The value, NaN when the unit has none.</returns>
    public double RankingValue(int unit) => Basis[unit];

    /// <summary>A unit's rank in its group (1 is best).</summary>
    /// <param name="unit">The unit's position.</param>
    /// <returns>The rank, or <see langword="null"/> when the unit is not ranked.</returns>
    public int? Rank(int unit) => Ranks[unit] > 0 ? Ranks[unit] : null;

    /// <summary>A unit's rank among the units of its group that share its parent.</summary>
    /// <param name="unit">The unit's position.</param>
    /// <returns>The rank, or <see langword="null"/> when the group does not rank within parents.</returns>
    public int? RankWithinParent(int unit) => ParentRanks[unit] > 0 ? ParentRanks[unit] : null;

    /// <summary>Binds a data set's columns to the rule kernels and works out its ranking partitions (once per data set).</summary>
    internal void Bind(AssessmentData data)
    {
        if (!ReferenceEquals(Data, data))
        {
            // In a method of its own: the closure over data would otherwise be allocated on every call.
            BindNew(data);
        }
    }

    private void BindNew(AssessmentData data)
    {
        var plan = Plan;
        var units = UnitCount;
        var groupCount = Math.Max(1, plan.Definition.Groups.Count);
        for (var l = 0; l < plan.Leaves.Length; l++)
        {
            var leaf = plan.Leaves[l];
            var peers = Peers[l];
            for (var u = 0; u < units; u++)
            {
                peers[u] = data.Applies(leaf.Node, u) ? data.GroupOrdinals[u] : -1;
            }

            LeafInputs[l] = new RuleInputs([.. leaf.Inputs.Select(i => data.Columns[i])], peers, groupCount);
        }

        var definition = plan.Definition;
        var parentKeys = new Dictionary<(int Group, string Parent), int>();
        for (var u = 0; u < units; u++)
        {
            var group = data.GroupOrdinals[u];
            var ranked = definition.Groups.Count == 0 || definition.Groups[group].Ranked;
            GroupPartitions[u] = ranked ? group : -1;
            ParentPartitions[u] = -1;
            if (ranked && definition.Groups.Count > 0 && definition.Groups[group].RankWithinParent && data.UnitArray[u].ParentId is { } parent)
            {
                if (!parentKeys.TryGetValue((group, parent), out var key))
                {
                    key = parentKeys.Count;
                    parentKeys[(group, parent)] = key;
                }

                ParentPartitions[u] = key;
            }
        }

        Data = data;
    }
}
