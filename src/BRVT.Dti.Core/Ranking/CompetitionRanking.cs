namespace BRVT.Dti.Ranking;

/// <summary>
/// Standard competition ranking ("1224"): units are ordered by value, best first; tied units share a rank and the
/// next rank skips as many places as there were ties (two units at 15, the next at 17).
/// </summary>
/// <remarks>
/// Ties are anchored at the first (highest) value of a run: a unit ties with the run's first unit when the two values
/// are equal at the published decimals, or, when a tolerance is given, when they are equal or differ by at most the
/// tolerance (equal infinities tie too).
/// Anchoring keeps ranks consistent with values: a value higher than another by more than the tolerance always has
/// a better rank. Units with no value get no rank. The order of the input does not change any rank.
/// </remarks>
public static class CompetitionRanking
{
    /// <summary>Ranks units within each partition (a group, or a group within a parent unit).</summary>
    /// <param name="values">Each unit's value (higher is better); NaN for no value.</param>
    /// <param name="partitions">Each unit's partition; units with a negative partition are not ranked.</param>
    /// <param name="ids">Each unit's id, which orders tied units deterministically (ties still share a rank).</param>
    /// <param name="decimals">Published decimals: values equal at this precision tie when <paramref name="tolerance"/> is null.</param>
    /// <param name="tolerance">Values within this of a run's first value tie, or <see langword="null"/>.</param>
    /// <returns>Each unit's rank (1 is best), or <see langword="null"/> when it has no value or no partition.</returns>
    public static int?[] Rank(IReadOnlyList<double> values, IReadOnlyList<int> partitions, IReadOnlyList<string> ids, int decimals, double? tolerance)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(ids);
        if (values.Count != partitions.Count || values.Count != ids.Count)
        {
            throw new ArgumentException("values, partitions and ids must have one entry per unit.", nameof(partitions));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var ranks = new int?[values.Count];
        var order = Enumerable.Range(0, values.Count)
            .Where(u => partitions[u] >= 0 && !double.IsNaN(values[u]))
            .OrderBy(u => partitions[u])
            .ThenByDescending(u => values[u])
            .ThenBy(u => ids[u], StringComparer.Ordinal)
            .ToArray();

        var start = 0;
        while (start < order.Length)
        {
            var partition = partitions[order[start]];
            var end = start;
            while (end < order.Length && partitions[order[end]] == partition)
            {
                end++;
            }

            var anchor = double.NaN;
            var anchorRank = 0;
            for (var i = start; i < end; i++)
            {
                var unit = order[i];
                var position = i - start + 1;
                if (i == start || !Ties(anchor, values[unit], decimals, tolerance))
                {
                    anchor = values[unit];
                    anchorRank = position;
                }

                ranks[unit] = anchorRank;
            }

            start = end;
        }

        return ranks;
    }

    internal static bool Ties(double anchor, double value, int decimals, double? tolerance) =>
        tolerance is { } t
            ? anchor - value <= t || anchor == value
            : Math.Round(anchor, Math.Min(decimals, 15), MidpointRounding.AwayFromZero) == Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
}
