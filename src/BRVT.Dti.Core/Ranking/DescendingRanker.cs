namespace BRVT.Dti.Ranking;

/// <summary>
/// Standard competition ranks ("1224") of one column of scores, higher is better, exactly equal values tie, NaN gets
/// rank 0 (no rank): the ranks of <see cref="CompetitionRanking.Rank"/> with one partition and tolerance 0, without
/// its allocations. Owns its scratch buffers; reuse one instance per thread.
/// </summary>
/// <remarks>
/// Small columns are sorted with <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/>. Large ones are
/// distributed into buckets by value first (a counting sort over <c>(max − v) · (B − 1) / (max − min)</c>, which is
/// monotone in v, so every value of a bucket is above every value of the buckets after it) and each bucket is then
/// sorted on its own: linear time for the scores of a composite index, which are spread over a bounded range.
/// Ranks depend only on the values, never on the order of the units.
/// </remarks>
internal sealed class DescendingRanker
{
    private const int SortThreshold = 4096;
    private double[] keys = [];
    private int[] items = [];
    private int[] counts = [];
    private double[] bucketKeys = [];
    private int[] bucketItems = [];

    /// <summary>Creates a ranker with room for <paramref name="capacity"/> units (it grows when needed).</summary>
    public DescendingRanker(int capacity = 0) => Reserve(capacity);

    /// <summary>Writes each unit's rank (1 best; 0 without a score).</summary>
    /// <param name="scores">One score per unit; NaN for none.</param>
    /// <param name="ranks">One rank per unit.</param>
    public void Rank(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        Reserve(scores.Length);
        var n = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var u = 0; u < scores.Length; u++)
        {
            var v = scores[u];
            if (double.IsNaN(v))
            {
                ranks[u] = 0;
                continue;
            }

            keys[n] = v;
            items[n] = u;
            min = v < min ? v : min;
            max = v > max ? v : max;
            n++;
        }

        if (n == 0)
        {
            return;
        }

        var buckets = n;
        var scale = (buckets - 1) / (max - min);
        if (n <= SortThreshold || !double.IsFinite(max - min) || !double.IsFinite(scale) || min == max)
        {
            SortDescending(keys, items, 0, n);
            Assign(keys.AsSpan(0, n), items.AsSpan(0, n), ranks);
            return;
        }

        // Counting sort into B buckets, best first, then each bucket sorted on its own.
        var offsets = counts.AsSpan(0, buckets + 1);
        offsets.Clear();
        for (var i = 0; i < n; i++)
        {
            offsets[Bucket(keys[i], max, scale, buckets) + 1]++;
        }

        for (var b = 1; b <= buckets; b++)
        {
            offsets[b] += offsets[b - 1];
        }

        for (var i = 0; i < n; i++)
        {
            var b = Bucket(keys[i], max, scale, buckets);
            var at = offsets[b]++;
            bucketKeys[at] = keys[i];
            bucketItems[at] = items[i];
        }

        // offsets[b] is now the end of bucket b, and the start of bucket b + 1.
        var start = 0;
        for (var b = 0; b < buckets; b++)
        {
            var end = offsets[b];
            if (end - start > 1)
            {
                SortDescending(bucketKeys, bucketItems, start, end - start);
            }

            start = end;
        }

        Assign(bucketKeys.AsSpan(0, n), bucketItems.AsSpan(0, n), ranks);
    }

    private static int Bucket(double value, double max, double scale, int buckets) =>
        Math.Min((int)((max - value) * scale), buckets - 1);

    private static void SortDescending(double[] keys, int[] items, int start, int length)
    {
        if (length <= 16)
        {
            for (var i = start + 1; i < start + length; i++)
            {
                var (k, it) = (keys[i], items[i]);
                var j = i - 1;
                while (j >= start && keys[j] < k)
                {
                    keys[j + 1] = keys[j];
                    items[j + 1] = items[j];
                    j--;
                }

                keys[j + 1] = k;
                items[j + 1] = it;
            }

            return;
        }

        Array.Sort(keys, items, start, length);
        keys.AsSpan(start, length).Reverse();
        items.AsSpan(start, length).Reverse();
    }

    private static void Assign(ReadOnlySpan<double> sorted, ReadOnlySpan<int> order, Span<int> ranks)
    {
        var rank = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                rank = i + 1;
            }

            ranks[order[i]] = rank;
        }
    }

    private void Reserve(int capacity)
    {
        if (keys.Length >= capacity)
        {
            return;
        }

        keys = new double[capacity];
        items = new int[capacity];
        if (capacity > SortThreshold)
        {
            counts = new int[capacity + 1];
            bucketKeys = new double[capacity];
            bucketItems = new int[capacity];
        }
    }
}
