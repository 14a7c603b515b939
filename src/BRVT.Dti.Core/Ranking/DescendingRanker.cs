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
    /// <param name="threads">
    /// How many threads may sort the buckets of a large column (more than 65,536 values) and assign its ranks; the ranks
    /// do not depend on it.
    /// </param>
    public void Rank(ReadOnlySpan<double> scores, Span<int> ranks, int threads = 1)
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
        if (!singleLevel && threads > 1)
        {
            SortBucketsInParallel(buckets, n, threads);
            AssignInParallel(n, ranks, threads);
            return;
        }

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

    /// <summary>
    /// The second level of a large column on several threads: the buckets are cut into runs of about equal size, and
    /// each run is sorted by one thread with its own counters (the buckets' ranges of the arrays do not overlap).
    /// </summary>
    private void SortBucketsInParallel(int buckets, int n, int threads)
    {
        var parts = threads * 4;
        var firstBucket = new int[parts + 1];
        for (int p = 1, b = 0; p < parts; p++)
        {
            var target = (long)n * p / parts;
            while (b < buckets && bucketEnds[b] <= target)
            {
                b++;
            }

            firstBucket[p] = Math.Max(b, firstBucket[p - 1]);
        }

        firstBucket[parts] = buckets;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var (from, to) = (firstBucket[p], firstBucket[p + 1]);
            if (from >= to)
            {
                return;
            }

            var longest = 0;
            for (var b = from; b < to; b++)
            {
                longest = Math.Max(longest, bucketEnds[b] - (b == 0 ? 0 : bucketEnds[b - 1]));
            }

            var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(longest + 1);
            try
            {
                for (var b = from; b < to; b++)
                {
                    SortBucket(b == 0 ? 0 : bucketEnds[b - 1], bucketEnds[b], scratch);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(scratch);
            }
        });
    }

    /// <summary>
    /// <see cref="Assign"/> over runs of the sorted column on several threads: a run's first rank is its position, or,
    /// when its first value ties with the value before it, the position of the first value of that tie.
    /// </summary>
    private void AssignInParallel(int n, Span<int> ranks, int threads)
    {
        // The ranks are written unit by unit into counts (free once the buckets are sorted; it has room for every unit),
        // then copied in order: a span cannot be shared with the threads.
        var target = counts;
        var parts = threads * 4;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var (from, to) = ((int)((long)n * p / parts), (int)((long)n * (p + 1) / parts));
            var rank = from + 1;
            for (var first = from; first > 0 && sortedKeys[first - 1] == sortedKeys[from]; first--)
            {
                rank = first;
            }

            for (var i = from; i < to; i++)
            {
                if (i > from && sortedKeys[i] != sortedKeys[i - 1])
                {
                    rank = i + 1;
                }

                target[sortedItems[i]] = rank;
            }
        });

        // Units without a score were given 0 already; the others get their rank.
        for (var i = 0; i < n; i++)
        {
            var u = sortedItems[i];
            ranks[u] = target[u];
        }
    }

    /// <summary>Sorts sortedKeys/sortedItems[start, end) descending in place.</summary>
    private void SortBucket(int start, int end) => SortBucket(start, end, counts);

    /// <summary>Sorts sortedKeys/sortedItems[start, end) descending in place, counting sub-buckets in <paramref name="scratch"/>.</summary>
    private void SortBucket(int start, int end, int[] scratch)
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
        Distribute(sortedKeys, sortedItems, start, length, max, scale, length, keys, items, scratch);
        var from = start;
        for (var b = 0; b < length; b++)
        {
            var to = scratch[b];
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
    private void Distribute(double[] sourceKeys, int[] sourceItems, int start, int length, double max, double scale, int buckets, double[] targetKeys, int[] targetItems) =>
        Distribute(sourceKeys, sourceItems, start, length, max, scale, buckets, targetKeys, targetItems, counts);

    private static void Distribute(double[] sourceKeys, int[] sourceItems, int start, int length, double max, double scale, int buckets, double[] targetKeys, int[] targetItems, int[] scratch)
    {
        var offsets = scratch.AsSpan(0, buckets + 1);
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
