namespace BRVT.Dti.Ranking;

/// <summary>
/// Standard competition ranks ("1224") of one column of scores, higher is better, exactly equal values tie, NaN gets
/// rank 0 (no rank): the ranks of <see cref="CompetitionRanking.Rank"/> with one partition and tolerance 0, without
/// its allocations. Owns its scratch buffers; reuse one instance per thread.
/// </summary>
/// <remarks>
/// Small columns are sorted with <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/>. Larger ones, up to
/// 65,536 values, are sorted into one bucket per value by <c>(max − v) · (n − 1) / (max − min)</c>, which is monotone in
/// v, then each bucket by insertion. Large ones are sorted in two bucket passes: first into about n / 256 buckets by <c>(max − v) · (B − 1) / (max − min)</c>, which
/// is monotone in v (every value of a bucket is above every value of the buckets after it), with few enough buckets
/// that their counters and write positions stay in cache; then each bucket on its own, by the same rule over its own
/// range, into about one sub-bucket per value, sorted by insertion. Linear time for the scores of a composite index,
/// which lie in a bounded range. Ranks depend only on the values, never on the order of the units.
/// </remarks>
internal sealed class DescendingRanker
{
    private const int SortThreshold = 256;
    private const int ValuesPerBucket = 256;
    private const int InsertionLimit = 24;
    private const int SingleLevelLimit = 1 << 16;
    private double[] keys = [];
    private int[] items = [];
    private double[] sortedKeys = [];
    private int[] sortedItems = [];
    private int[] counts = [];
    private int[] bucketEnds = [];

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

        // Up to SingleLevelLimit values, one bucket per value keeps its counters in cache; beyond, two levels.
        var singleLevel = n <= SingleLevelLimit;
        var buckets = singleLevel ? n : Math.Max(16, n / ValuesPerBucket);
        var scale = (buckets - 1) / (max - min);
        if (n <= SortThreshold || !double.IsFinite(max - min) || !double.IsFinite(scale))
        {
            SortDescending(keys, items, 0, n);
            Assign(keys.AsSpan(0, n), items.AsSpan(0, n), ranks);
            return;
        }

        Distribute(keys, items, 0, n, max, scale, buckets, sortedKeys, sortedItems);

        // counts[b] is now the end of bucket b (the start of b + 1); keep the ends (sorting a bucket reuses counts),
        // then sort each bucket, using keys/items as scratch.
        counts.AsSpan(0, buckets).CopyTo(bucketEnds);
        var start = 0;
        for (var b = 0; b < buckets; b++)
        {
            var end = bucketEnds[b];
            if (singleLevel)
            {
                if (end - start > 1)
                {
                    SortDescending(sortedKeys, sortedItems, start, end - start);
                }
            }
            else
            {
                SortBucket(start, end);
            }

            start = end;
        }

        Assign(sortedKeys.AsSpan(0, n), sortedItems.AsSpan(0, n), ranks);
    }

    /// <summary>Sorts sortedKeys/sortedItems[start, end) descending in place.</summary>
    private void SortBucket(int start, int end)
    {
        var length = end - start;
        if (length <= InsertionLimit)
        {
            SortDescending(sortedKeys, sortedItems, start, length);
            return;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = start; i < end; i++)
        {
            var v = sortedKeys[i];
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        if (min == max)
        {
            return;
        }

        var scale = (length - 1) / (max - min);
        if (!double.IsFinite(scale))
        {
            SortDescending(sortedKeys, sortedItems, start, length);
            return;
        }

        // Sub-buckets of about one value each, into keys/items[start, end), sorted by insertion, copied back.
        Distribute(sortedKeys, sortedItems, start, length, max, scale, length, keys, items);
        var from = start;
        for (var b = 0; b < length; b++)
        {
            var to = counts[b];
            if (to - from > 1)
            {
                SortDescending(keys, items, from, to - from);
            }

            from = to;
        }

        keys.AsSpan(start, length).CopyTo(sortedKeys.AsSpan(start));
        items.AsSpan(start, length).CopyTo(sortedItems.AsSpan(start));
    }

    /// <summary>
    /// A counting sort of source[start, start + length) into target[start, …) by bucket (best first); afterwards
    /// counts[b] is the end of bucket b.
    /// </summary>
    private void Distribute(double[] sourceKeys, int[] sourceItems, int start, int length, double max, double scale, int buckets, double[] targetKeys, int[] targetItems)
    {
        var offsets = counts.AsSpan(0, buckets + 1);
        offsets.Clear();
        var end = start + length;
        for (var i = start; i < end; i++)
        {
            offsets[Bucket(sourceKeys[i], max, scale, buckets) + 1]++;
        }

        offsets[0] = start;
        for (var b = 1; b <= buckets; b++)
        {
            offsets[b] += offsets[b - 1];
        }

        for (var i = start; i < end; i++)
        {
            var at = offsets[Bucket(sourceKeys[i], max, scale, buckets)]++;
            targetKeys[at] = sourceKeys[i];
            targetItems[at] = sourceItems[i];
        }
    }

    private static int Bucket(double value, double max, double scale, int buckets) =>
        Math.Min((int)((max - value) * scale), buckets - 1);

    private static void SortDescending(double[] keys, int[] items, int start, int length)
    {
        if (length <= InsertionLimit)
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
            bucketEnds = new int[Math.Max(Math.Min(capacity, SingleLevelLimit), capacity / ValuesPerBucket) + 16];
            sortedKeys = new double[capacity];
            sortedItems = new int[capacity];
        }
    }
}
