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

    public static TreeScores Evaluate(ScoringPlan plan, AssessmentData data, CancellationToken cancellationToken)
    {
        var nodes = plan.Nodes;
        var units = data.UnitArray.Length;
        var scores = new TreeScores(nodes.Length, units);
        var leafShares = EvaluateLeaves(plan, data, cancellationToken);

        for (var n = nodes.Length - 1; n >= 0; n--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = nodes[n];
            if (node.IsLeaf)
            {
                ScoreLeaf(node, n, leafShares[node.Leaf], data, scores);
            }
            else
            {
                Combine(plan, node, n, data, scores);
            }
        }

        AllocateMaxima(plan, scores, units);
        return scores;
    }

    public static double[][] EvaluateLeaves(ScoringPlan plan, AssessmentData data, CancellationToken cancellationToken)
    {
        var units = data.UnitArray.Length;
        var groupCount = Math.Max(1, plan.Definition.Groups.Count);
        var shares = new double[plan.Leaves.Length][];
        for (var l = 0; l < plan.Leaves.Length; l++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var leaf = plan.Leaves[l];
            var peers = new int[units];
            for (var u = 0; u < units; u++)
            {
                peers[u] = data.Applies(leaf.Node, u) ? data.GroupOrdinals[u] : -1;
            }

            var columns = new double[leaf.Inputs.Length][];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = data.Columns[leaf.Inputs[i]];
            }

            shares[l] = new double[units];
            leaf.Kernel.Evaluate(new RuleInputs(columns, peers, groupCount), shares[l]);
            for (var u = 0; u < units; u++)
            {
                // A plugin kernel may stray: keep every share in 0..1 or missing.
                var share = shares[l][u];
                shares[l][u] = double.IsNaN(share) ? double.NaN : Math.Clamp(share, 0, 1);
            }
        }

        return shares;
    }

    private static void ScoreLeaf(PlanNode node, int n, double[] leafShares, AssessmentData data, TreeScores scores)
    {
        var share = scores.Share[n];
        var effective = scores.Effective[n];
        var flags = scores.Flags[n];
        for (var u = 0; u < leafShares.Length; u++)
        {
            if (!data.Applies(n, u))
            {
                flags[u] = ScoreFlags.NotApplicable;
                share[u] = double.NaN;
                continue;
            }

            var value = leafShares[u];
            effective[u] = node.Capacity;
            if (!double.IsNaN(value))
            {
                share[u] = value;
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
}
