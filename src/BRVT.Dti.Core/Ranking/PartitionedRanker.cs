namespace BRVT.Dti.Ranking;

/// <summary>
/// The ranks of <see cref="CompetitionRanking.Rank"/> (standard competition ranks within each partition, ties anchored
/// at the first value of a run, equal at the published decimals or within a tolerance) without allocating: units are
/// grouped by partition with a counting sort, each partition sorted by value, into scratch buffers this instance owns.
/// </summary>
/// <remarks>Not thread-safe; one instance per evaluation buffer.</remarks>
/// <param name="capacity">The most units ranked at once.</param>
/// <param name="partitionCount">The number of partitions (ordinals 0 to partitionCount − 1).</param>
internal sealed class PartitionedRanker(int capacity, int partitionCount)
{
    private readonly double[] keys = new double[capacity];
    private readonly int[] items = new int[capacity];
    private readonly int[] starts = new int[partitionCount + 2];

    /// <summary>Writes each unit's rank (1 best), 0 when it has no value (NaN) or no partition (negative).</summary>
    /// <param name="values">Each unit's value, higher is better.</param>
    /// <param name="partitions">Each unit's partition, below the partition count; negative for none.</param>
    /// <param name="decimals">Published decimals: values equal at this precision tie when <paramref name="tolerance"/> is null.</param>
    /// <param name="tolerance">Values within this of a run's first value tie, or <see langword="null"/>.</param>
    /// <param name="ranks">Receives the ranks.</param>
    public void Rank(ReadOnlySpan<double> values, ReadOnlySpan<int> partitions, int decimals, double? tolerance, Span<int> ranks)
    {
        var n = values.Length;
        if (n > keys.Length)
        {
            throw new ArgumentException("More units than the ranker was made for.", nameof(values));
        }

        // Count per partition, then place each eligible unit in its partition's range (unit order kept).
        var counts = starts.AsSpan();
        counts.Clear();
        for (var u = 0; u < n; u++)
        {
            ranks[u] = 0;
            if (partitions[u] >= 0 && !double.IsNaN(values[u]))
            {
                counts[partitions[u] + 2]++;
            }
        }

        for (var p = 2; p < counts.Length; p++)
        {
            counts[p] += counts[p - 1];
        }

        for (var u = 0; u < n; u++)
        {
            if (partitions[u] >= 0 && !double.IsNaN(values[u]))
            {
                var at = counts[partitions[u] + 1]++;
                keys[at] = -values[u];
                items[at] = u;
            }
        }

        // counts[p + 1] is now the end of partition p (and counts[p] its start).
        for (var p = 0; p < counts.Length - 2; p++)
        {
            var (start, end) = (counts[p], counts[p + 1]);
            if (end - start == 0)
            {
                continue;
            }

            Array.Sort(keys, items, start, end - start);
            var anchor = double.NaN;
            var anchorRank = 0;
            for (var i = start; i < end; i++)
            {
                var value = values[items[i]];
                if (i == start || !CompetitionRanking.Ties(anchor, value, decimals, tolerance))
                {
                    anchor = value;
                    anchorRank = i - start + 1;
                }

                ranks[items[i]] = anchorRank;
            }
        }
    }
}
