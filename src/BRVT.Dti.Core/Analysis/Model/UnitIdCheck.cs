using System.Buffers;
using System.Numerics;

namespace BRVT.Dti.Analysis;

/// <summary>Finds the first unit id that repeats an earlier one, on several threads.</summary>
internal static class UnitIdCheck
{
    /// <summary>Ids are split into this many groups by hash; equal ids always share a group.</summary>
    private const int Groups = 64;

    /// <summary>
    /// The first row (in row order) whose id equals that of an earlier row, or -1. Rows without an id (null) are
    /// skipped. The ids are split by hash into groups, each checked on its own (in row order) with a table small enough
    /// to stay in cache; the answer is the smallest row any group found, which is what one pass in row order finds.
    /// </summary>
    public static int FirstRepeat(string?[] ids, int count, ParallelOptions parallel)
    {
        var hashes = new int[count];
        Parallel.For(0, (count + 65_535) / 65_536, parallel, b =>
        {
            var end = Math.Min(count, (b + 1) * 65_536);
            for (var r = b * 65_536; r < end; r++)
            {
                hashes[r] = ids[r] is { } id ? StringComparer.Ordinal.GetHashCode(id) : 0;
            }
        });

        // Rows grouped by hash, each group in row order (a counting sort).
        var starts = new int[Groups + 1];
        for (var r = 0; r < count; r++)
        {
            if (ids[r] is not null)
            {
                starts[(hashes[r] & (Groups - 1)) + 1]++;
            }
        }

        for (var g = 0; g < Groups; g++)
        {
            starts[g + 1] += starts[g];
        }

        var rows = new int[starts[Groups]];
        var next = starts[..Groups];
        for (var r = 0; r < count; r++)
        {
            if (ids[r] is not null)
            {
                rows[next[hashes[r] & (Groups - 1)]++] = r;
            }
        }

        var first = int.MaxValue;
        Parallel.For(0, Groups, parallel, g =>
        {
            var repeat = FirstRepeatInGroup(ids, hashes, rows.AsSpan(starts[g], starts[g + 1] - starts[g]));
            if (repeat >= 0)
            {
                InterlockedMin(ref first, repeat);
            }
        });

        return first == int.MaxValue ? -1 : first;
    }

    /// <summary>
    /// The first of the rows (ascending) whose id repeats an earlier one of them, or -1: an open-addressing table of row
    /// numbers, probed by the stored hashes, so that an id's text is only read when two hashes are equal.
    /// </summary>
    private static int FirstRepeatInGroup(string?[] ids, int[] hashes, ReadOnlySpan<int> rows)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, rows.Length * 2));
        var table = ArrayPool<int>.Shared.Rent(size);
        try
        {
            table.AsSpan(0, size).Fill(-1);
            var mask = size - 1;
            foreach (var row in rows)
            {
                var hash = hashes[row];
                var slot = (int)(((uint)hash >> 6) * 0x9E3779B1u) & mask;
                while (table[slot] is var other && other >= 0)
                {
                    if (hashes[other] == hash && string.Equals(ids[other], ids[row], StringComparison.Ordinal))
                    {
                        return row;
                    }

                    slot = (slot + 1) & mask;
                }

                table[slot] = row;
            }

            return -1;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
