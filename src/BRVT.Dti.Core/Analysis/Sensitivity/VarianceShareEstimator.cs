using System.Numerics.Tensors;

namespace BRVT.Dti.Analysis;

/// <summary>
/// First-order variance shares from a given Monte Carlo sample by binning (one-way analysis of variance per input and
/// unit), with the ω² bias correction. See <see cref="VarianceShare"/>.
/// </summary>
/// <remarks>
/// Every per-bin sum is accumulated for all units at once: for each replication and input, the replication's rank row
/// (one rank per unit) is added to the row of the input's bin, an element-wise vector addition (the one-hot bin matrix
/// times the rank matrix). Sums of ranks and of
/// squared ranks are integers, so the totals are exact whatever the order.
/// </remarks>
internal static class VarianceShareEstimator
{
    /// <summary>One uncertain input: its name, each replication's bin, and the number of bins.</summary>
    public sealed record Input(string Name, int[] Bins, int BinCount);

    /// <summary>Estimates every input's share for every unit.</summary>
    /// <param name="byReplication">Ranks, replication-major: replication r, unit u at r·U + u; 0 where unranked.</param>
    /// <param name="units">U.</param>
    /// <param name="replications">N.</param>
    /// <param name="inputs">The uncertain inputs.</param>
    /// <param name="parallel">Parallelism and cancellation.</param>
    public static VarianceShare[] Estimate(int[] byReplication, int units, int replications, IReadOnlyList<Input> inputs, ParallelOptions parallel)
    {
        // Per unit: ranked replications, Σ rank and Σ rank² (exact in 64-bit integers).
        var count = new long[units];
        var sum = new long[units];
        var sumSquares = new long[units];
        var row = new long[units];
        var rowSquares = new long[units];
        var ranked = new long[units];
        var anyUnranked = false;
        for (var r = 0; r < replications; r++)
        {
            Widen(byReplication.AsSpan(r * units, units), row, rowSquares, ranked, ref anyUnranked);
            TensorPrimitives.Add(sum, row, sum);
            TensorPrimitives.Add(sumSquares, rowSquares, sumSquares);
            TensorPrimitives.Add(count, ranked, count);
        }

        // Inputs are split into as many groups as threads; each group reads every rank row once, widens it once and adds
        // it to the row of each of its inputs' bins.
        var binSums = inputs.Select(x => new long[x.BinCount * units]).ToArray();
        var binCounts = inputs.Select(x => anyUnranked ? new long[x.BinCount * units] : null).ToArray();
        var threads = Math.Max(1, Math.Min(inputs.Count, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount));
        Parallel.For(0, threads, parallel, t =>
        {
            var line = new long[units];
            var lineSquares = new long[units];
            var lineRanked = new long[units];
            var unranked = false;
            for (var r = 0; r < replications; r++)
            {
                Widen(byReplication.AsSpan(r * units, units), line, lineSquares, lineRanked, ref unranked);
                for (var i = t; i < inputs.Count; i += threads)
                {
                    var b = inputs[i].Bins[r];
                    var target = binSums[i].AsSpan(b * units, units);
                    TensorPrimitives.Add(target, line, target);
                    if (binCounts[i] is { } counts)
                    {
                        var c = counts.AsSpan(b * units, units);
                        TensorPrimitives.Add(c, lineRanked, c);
                    }
                }
            }
        });

        var shares = new VarianceShare[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var globalCounts = new long[input.BinCount];
            foreach (var b in input.Bins)
            {
                globalCounts[b]++;
            }

            var perUnit = new double[units];
            for (var u = 0; u < units; u++)
            {
                perUnit[u] = Share(u, units, input.BinCount, count[u], sum[u], sumSquares[u], binSums[i], binCounts[i], globalCounts);
            }

            shares[i] = new VarianceShare(input.Name, double.NaN, Array.AsReadOnly(perUnit));
        }

        for (var i = 0; i < shares.Length; i++)
        {
            double weighted = 0, total = 0;
            for (var u = 0; u < units; u++)
            {
                var s = shares[i].PerUnit[u];
                if (!double.IsNaN(s))
                {
                    var sst = count[u] == 0 ? 0 : sumSquares[u] - ((double)sum[u] * sum[u] / count[u]);
                    weighted += s * sst;
                    total += sst;
                }
            }

            shares[i] = shares[i] with { Share = total > 0 ? weighted / total : double.NaN };
        }

        return shares;
    }

    private static void Widen(ReadOnlySpan<int> ranks, long[] values, long[] squares, long[] ranked, ref bool anyUnranked)
    {
        for (var u = 0; u < ranks.Length; u++)
        {
            long v = ranks[u];
            values[u] = v;
            squares[u] = v * v;
            ranked[u] = v > 0 ? 1 : 0;
            anyUnranked |= v == 0;
        }
    }

    /// <summary>ω² = (SSB − (B − 1)·MSW) / (SST + MSW) for one unit, clipped to 0..1; NaN when its rank never varies.</summary>
    private static double Share(int u, int units, int binCount, long n, long sum, long sumSquares, long[] binSums, long[]? binCounts, long[] globalCounts)
    {
        if (n < 2)
        {
            return double.NaN;
        }

        // SST·n = n·Σy² − (Σy)², exact in integers.
        var sst = ((double)((n * sumSquares) - (sum * sum))) / n;
        if (!(sst > 0))
        {
            return double.NaN;
        }

        double between = 0;
        var nonEmpty = 0;
        for (var b = 0; b < binCount; b++)
        {
            var nb = binCounts is null ? globalCounts[b] : binCounts[(b * units) + u];
            if (nb > 0)
            {
                var sb = (double)binSums[(b * units) + u];
                between += sb * sb / nb;
                nonEmpty++;
            }
        }

        var ssb = Math.Max(0, between - ((double)sum * sum / n));
        if (n - nonEmpty <= 0)
        {
            return double.NaN;
        }

        var msw = Math.Max(0, sst - ssb) / (n - nonEmpty);
        return Math.Clamp((ssb - ((nonEmpty - 1) * msw)) / (sst + msw), 0, 1);
    }
}
