using BRVT.Dti.Data;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Running;

/// <summary>Pairs two results of the same index unit by unit (by id) and node by node (by id).</summary>
internal static class PeriodComparison
{
    /// <summary>One change per unit assessed now, ordered by the current rank (unranked last), then by id; the token is checked at every unit.</summary>
    public static IReadOnlyList<UnitChange> Compare(AssessmentResult before, AssessmentResult after, CancellationToken cancellationToken)
    {
        var old = before.Units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        var oldNodes = before.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return after.Units
            .OrderBy(u => u.Rank ?? int.MaxValue).ThenBy(u => u.Unit.Id, StringComparer.Ordinal)
            .Select(now =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                old.TryGetValue(now.Unit.Id, out var then);
                var nodes = after.Nodes.Select((node, i) => new NodeChange(
                    node,
                    then is not null && oldNodes.TryGetValue(node.Id, out var j) ? then.Nodes[j].Value : double.NaN,
                    now.Nodes[i].Value)).ToList();
                return new UnitChange(now.Unit, then?.Rank, now.Rank, then?.Total.Value ?? double.NaN, now.Total.Value, nodes);
            })
            .ToList();
    }
}

/// <summary>A unit's rank and value in two periods, and the change of every node.</summary>
internal sealed record UnitChange(UnitInfo Unit, int? RankBefore, int? RankAfter, double ValueBefore, double ValueAfter, IReadOnlyList<NodeChange> Nodes)
{
    /// <summary>Places gained (positive) or lost (negative); null when either period has no rank.</summary>
    public int? RankChange => RankBefore is { } b && RankAfter is { } a ? b - a : null;
}

/// <summary>A node's value (0..1) in two periods.</summary>
internal sealed record NodeChange(ResultNode Node, double Before, double After);
