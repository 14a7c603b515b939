using BRVT.Dti.Compilation;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;
using BRVT.Dti.Scoring;

namespace BRVT.Dti.Evaluation;

/// <summary>
/// Evaluates a plan over prepared data, column by column: every leaf kernel over all units, then the tree bottom-up
/// (shares and the capacity each node brings to its parent), then maxima and points top-down.
/// </summary>
/// <remarks>
/// A sum of points is a weighted mean of shares whose weights are the children's maxima; the two aggregations differ
/// only in whether a parent's maximum shrinks when children do not apply (sum) or is re-weighted (mean).
/// </remarks>
internal static class TreeEvaluator
{
    private const ScoreFlags Absent = ScoreFlags.NotApplicable | ScoreFlags.Excluded;
    private const ScoreFlags Incomplete = ScoreFlags.ZeroedMissing | ScoreFlags.Excluded | ScoreFlags.IncompleteData | ScoreFlags.Missing;

    /// <summary>Evaluates every node, view and rank of <paramref name="data"/> into the workspace; allocates nothing once the data are bound.</summary>
    public static void Evaluate(ScoringPlan plan, AssessmentData data, ScoringWorkspace workspace, CancellationToken cancellationToken)
    {
        workspace.Bind(data);
        var nodes = plan.Nodes;
        var scores = workspace.Scores;
        EvaluateLeaves(plan, workspace, cancellationToken);
        for (var n = nodes.Length - 1; n >= 0; n--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = nodes[n];
            if (node.IsLeaf)
            {
                ScoreLeaf(node, n, workspace.LeafShares[node.Leaf], data, scores);
            }
            else
            {
                Combine(plan, node, n, data, scores);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        AllocateMaxima(plan, scores, workspace.UnitCount);
        ScoreViews(plan, workspace);
        cancellationToken.ThrowIfCancellationRequested();
        Rank(plan, workspace);
    }

    /// <summary>Every leaf's share per unit (for explanations), in a workspace of its own.</summary>
    public static double[][] EvaluateLeaves(ScoringPlan plan, AssessmentData data, CancellationToken cancellationToken)
    {
        var workspace = new ScoringWorkspace(plan, data.UnitArray.Length);
        workspace.Bind(data);
        EvaluateLeaves(plan, workspace, cancellationToken);
        return workspace.LeafShares;
    }

    private static void EvaluateLeaves(ScoringPlan plan, ScoringWorkspace workspace, CancellationToken cancellationToken)
    {
        for (var l = 0; l < plan.Leaves.Length; l++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shares = workspace.LeafShares[l];
            plan.Leaves[l].Kernel.Evaluate(workspace.LeafInputs[l], shares);
            for (var u = 0; u < shares.Length; u++)
            {
                // A plugin kernel may stray: keep every share in 0..1 or missing.
                var share = shares[u];
                shares[u] = double.IsNaN(share) ? double.NaN : Math.Clamp(share, 0, 1);
            }
        }
    }

    /// <summary>A leaf's share, capacity and flags per unit; every field is written, so a workspace needs no clearing.</summary>
    private static void ScoreLeaf(PlanNode node, int n, double[] leafShares, AssessmentData data, TreeScores scores)
    {
        var share = scores.Share[n];
        var effective = scores.Effective[n];
        var present = scores.Present[n];
        var flags = scores.Flags[n];
        for (var u = 0; u < leafShares.Length; u++)
        {
            present[u] = 0;
            if (!data.Applies(n, u))
            {
                flags[u] = ScoreFlags.NotApplicable;
                share[u] = double.NaN;
                effective[u] = 0;
                continue;
            }

            var value = leafShares[u];
            effective[u] = node.Capacity;
            if (!double.IsNaN(value))
            {
                share[u] = value;
                flags[u] = ScoreFlags.None;
                continue;
            }

            switch (node.MissingData)
            {
                case MissingDataPolicy.Zero:
                    share[u] = 0;
                    flags[u] = ScoreFlags.ZeroedMissing;
                    break;
                case MissingDataPolicy.Exclude:
                    share[u] = double.NaN;
                    effective[u] = 0;
                    flags[u] = ScoreFlags.Excluded;
                    break;
                default:
                    share[u] = double.NaN;
                    flags[u] = ScoreFlags.Missing;
                    break;
            }
        }
    }

    private static void Combine(ScoringPlan plan, PlanNode node, int n, AssessmentData data, TreeScores scores)
    {
        var share = scores.Share[n];
        var effective = scores.Effective[n];
        var present = scores.Present[n];
        var flags = scores.Flags[n];
        var geometric = node.Aggregation == AggregationMethod.WeightedGeometricMean;
        var parentIsSum = node.Parent < 0 || plan.Nodes[node.Parent].Aggregation == AggregationMethod.Sum;
        for (var u = 0; u < share.Length; u++)
        {
            effective[u] = 0;
            present[u] = 0;
            if (!data.Applies(n, u))
            {
                flags[u] = ScoreFlags.NotApplicable;
                share[u] = double.NaN;
                continue;
            }

            double numerator = 0, denominator = 0;
            bool anyApplies = false, anyPresent = false, anyMissing = false, anyZero = false;
            var childFlags = ScoreFlags.None;
            foreach (var c in node.Children)
            {
                var f = scores.Flags[c][u];
                if ((f & ScoreFlags.NotApplicable) != 0)
                {
                    continue;
                }

                anyApplies = true;
                childFlags |= f;
                if ((f & ScoreFlags.Excluded) != 0)
                {
                    continue;
                }

                anyPresent = true;
                if ((f & ScoreFlags.Missing) != 0)
                {
                    anyMissing = true;
                    continue;
                }

                var weight = scores.Effective[c][u];
                var childShare = scores.Share[c][u];
                denominator += weight;
                if (geometric)
                {
                    if (weight > 0)
                    {
                        anyZero |= childShare <= 0;
                        numerator += weight * Math.Log(Math.Max(childShare, double.Epsilon));
                    }
                }
                else
                {
                    numerator += weight * childShare;
                }
            }

            if (!anyApplies)
            {
                flags[u] = ScoreFlags.NotApplicable;
                share[u] = double.NaN;
                continue;
            }

            var incomplete = (childFlags & Incomplete) != 0 ? ScoreFlags.IncompleteData : ScoreFlags.None;
            if (!anyPresent)
            {
                flags[u] = ScoreFlags.Excluded | incomplete;
                share[u] = double.NaN;
                continue;
            }

            var presentCapacity = SumPresent(node, scores, u);
            present[u] = presentCapacity;
            if (anyMissing)
            {
                flags[u] = ScoreFlags.Missing | incomplete;
                share[u] = double.NaN;
            }
            else
            {
                flags[u] = incomplete;
                share[u] = denominator <= 0 ? 0 : geometric ? (anyZero ? 0 : Math.Exp(numerator / denominator)) : numerator / denominator;
            }

            // What the node brings to its parent: a sum parent adds maxima, which shrink with the children that apply.
            effective[u] = parentIsSum && node.Aggregation == AggregationMethod.Sum && node.ChildCapacity > 0
                ? presentCapacity * node.Capacity / node.ChildCapacity
                : node.Capacity;
        }
    }

    private static double SumPresent(PlanNode node, TreeScores scores, int u)
    {
        var total = 0.0;
        foreach (var c in node.Children)
        {
            if ((scores.Flags[c][u] & Absent) == 0)
            {
                total += scores.Effective[c][u];
            }
        }

        return total;
    }

    private static void AllocateMaxima(ScoringPlan plan, TreeScores scores, int units)
    {
        var nodes = plan.Nodes;
        var root = nodes[0];
        for (var u = 0; u < units; u++)
        {
            var flags = scores.Flags[0][u];
            scores.Max[0][u] = (flags & Absent) != 0 ? 0
                : root.Aggregation == AggregationMethod.Sum && root.ChildCapacity > 0 ? scores.Present[0][u] * root.Capacity / root.ChildCapacity
                : root.Capacity;
        }

        for (var n = 0; n < nodes.Length; n++)
        {
            var max = scores.Max[n];
            var present = scores.Present[n];
            foreach (var c in nodes[n].Children)
            {
                var childMax = scores.Max[c];
                for (var u = 0; u < units; u++)
                {
                    var totalPresent = present[u];
                    childMax[u] = (scores.Flags[c][u] & Absent) != 0 || totalPresent <= 0
                        ? 0
                        : max[u] * scores.Effective[c][u] / totalPresent;
                }
            }
        }
    }

    /// <summary>Each view's points, maximum and flags per unit (Σ points / Σ max of its nodes), as results report them.</summary>
    private static void ScoreViews(ScoringPlan plan, ScoringWorkspace workspace)
    {
        var scores = workspace.Scores;
        for (var v = 0; v < plan.ViewNodes.Length; v++)
        {
            var (viewPoints, viewMax, viewFlags) = (workspace.ViewPoints[v], workspace.ViewMax[v], workspace.ViewFlags[v]);
            for (var u = 0; u < workspace.UnitCount; u++)
            {
                double points = 0, max = 0;
                var flags = ScoreFlags.None;
                var any = false;
                foreach (var n in plan.ViewNodes[v])
                {
                    var score = scores.Score(n, u);
                    if ((score.Flags & Absent) != 0)
                    {
                        flags |= score.Flags & ScoreFlags.Excluded;
                        continue;
                    }

                    any = true;
                    flags |= score.Flags & (ScoreFlags.Missing | ScoreFlags.IncompleteData | ScoreFlags.ZeroedMissing);
                    points += score.Points;
                    max += score.MaxPoints;
                }

                if (!any)
                {
                    (viewPoints[u], viewMax[u], viewFlags[u]) = (0, 0, ScoreFlags.NotApplicable);
                    continue;
                }

                if ((flags & (ScoreFlags.ZeroedMissing | ScoreFlags.Excluded)) != 0)
                {
                    flags = (flags & ~(ScoreFlags.ZeroedMissing | ScoreFlags.Excluded)) | ScoreFlags.IncompleteData;
                }

                (viewPoints[u], viewMax[u], viewFlags[u]) = (points, max, flags);
            }
        }
    }

    /// <summary>The ranking value of every unit, then ranks in groups and within parents.</summary>
    private static void Rank(ScoringPlan plan, ScoringWorkspace workspace)
    {
        var definition = plan.Definition;
        var by = definition.Ranking.By;
        var view = -1;
        for (var v = 0; v < definition.Views.Count; v++)
        {
            if (string.Equals(definition.Views[v].Id, by, StringComparison.Ordinal))
            {
                view = v;
                break;
            }
        }

        var node = by == "total" || view >= 0 ? 0 : plan.NodeIndex[by];
        var basis = workspace.Basis;
        for (var u = 0; u < workspace.UnitCount; u++)
        {
            basis[u] = view >= 0 && by != "total" ? workspace.ViewScore(view, u).Value : workspace.Scores.Score(node, u).Value;
        }

        var decimals = definition.Scale.Decimals;
        var tolerance = definition.Ranking.TieTolerance;
        workspace.Ranker.Rank(basis, workspace.GroupPartitions, decimals, tolerance, workspace.Ranks);
        workspace.Ranker.Rank(basis, workspace.ParentPartitions, decimals, tolerance, workspace.ParentRanks);
    }
}
