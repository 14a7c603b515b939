namespace BRVT.Dti.Analysis;

/// <summary>
/// First-order variance shares from a given Monte Carlo sample by binning (one-way analysis of variance per input),
/// with the ω² bias correction. See <see cref="VarianceShare"/>.
/// </summary>
internal static class VarianceShareEstimator
{
    /// <summary>Interleaved partial sums, so that consecutive replications in one bin do not wait on each other.</summary>
    private const int Banks = 4;

    /// <summary>One uncertain input: its name, each replication's bin, and the number of bins.</summary>
    public sealed record Input(string Name, int[] Bins, int BinCount);

    /// <summary>Estimates every input's share for every unit.</summary>
    /// <param name="ranks">Ranks, unit-major: unit u, replication r at u·N + r; 0 where unranked.</param>
    /// <param name="units">The number of units.</param>
    /// <param name="replications">N.</param>
    /// <param name="inputs">The uncertain inputs.</param>
    /// <param name="parallel">Parallelism and cancellation.</param>
    public static VarianceShare[] Estimate(int[] ranks, int units, int replications, IReadOnlyList<Input> inputs, ParallelOptions parallel)
    {
        var perUnit = new double[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            perUnit[i] = new double[units];
        }

        // Bin sizes over all replications, valid for every unit ranked in every replication.
        var fullCounts = inputs.Select(input =>
        {
            var counts = new int[input.BinCount];
            foreach (var b in input.Bins)
            {
                counts[b]++;
            }

            return counts;
        }).ToArray();
        var maxBins = inputs.Count == 0 ? 1 : inputs.Max(x => x.BinCount);
        var totals = new double[units];
        Parallel.For(0, units, parallel, () => (Sums: new long[maxBins * Banks], Counts: new int[maxBins]), (u, _, scratch) =>
        {
            var y = ranks.AsSpan(u * replications, replications);
            var n = 0;
            long sum = 0;
            foreach (var r in y)
            {
                if (r > 0)
                {
                    n++;
                    sum += r;
                }
            }

            var mean = n == 0 ? double.NaN : (double)sum / n;
            double sst = 0;
            foreach (var r in y)
            {
                if (r > 0)
                {
                    sst += (r - mean) * (r - mean);
                }
            }

            totals[u] = sst;
            for (var i = 0; i < inputs.Count; i++)
            {
                perUnit[i][u] = sst > 0
                    ? Share(y, inputs[i], n == replications ? fullCounts[i] : null, mean, sst, n, scratch.Sums, scratch.Counts)
                    : double.NaN;
            }

            return scratch;
        }, _ => { });

        var shares = new VarianceShare[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            double weighted = 0, total = 0;
            for (var u = 0; u < units; u++)
            {
                if (!double.IsNaN(perUnit[i][u]))
                {
                    weighted += perUnit[i][u] * totals[u];
                    total += totals[u];
                }
            }

            shares[i] = new VarianceShare(inputs[i].Name, total > 0 ? weighted / total : double.NaN, Array.AsReadOnly(perUnit[i]));
        }

        return shares;
    }

    private static double Share(ReadOnlySpan<int> y, Input input, int[]? fullCounts, double mean, double sst, int n, long[] sums, int[] counts)
    {
        var binCount = input.BinCount;
        Array.Clear(sums);
        var bins = input.Bins;
        if (fullCounts is null)
        {
            // Some replications left this unit unranked: count the ranked ones per bin.
            Array.Clear(counts);
            for (var r = 0; r < y.Length; r++)
            {
                if (y[r] > 0)
                {
                    sums[bins[r]] += y[r];
                    counts[bins[r]]++;
                }
            }
        }
        else
        {
            var r = 0;
            for (; r + Banks <= y.Length; r += Banks)
            {
                sums[bins[r]] += y[r];
                sums[binCount + bins[r + 1]] += y[r + 1];
                sums[(2 * binCount) + bins[r + 2]] += y[r + 2];
                sums[(3 * binCount) + bins[r + 3]] += y[r + 3];
            }

            for (; r < y.Length; r++)
            {
                sums[bins[r]] += y[r];
            }

            for (var b = 0; b < binCount; b++)
            {
                sums[b] += sums[binCount + b] + sums[(2 * binCount) + b] + sums[(3 * binCount) + b];
            }

            fullCounts.AsSpan().CopyTo(counts);
        }

        double ssb = 0;
        var nonEmpty = 0;
        for (var b = 0; b < binCount; b++)
        {
            if (counts[b] > 0)
            {
                var d = ((double)sums[b] / counts[b]) - mean;
                ssb += counts[b] * d * d;
                nonEmpty++;
            }
        }

        if (n - nonEmpty <= 0)
        {
            return double.NaN;
        }

        var msw = (sst - ssb) / (n - nonEmpty);
        var omega = (ssb - ((nonEmpty - 1) * msw)) / (sst + msw);
        return Math.Clamp(omega, 0, 1);
    }
}
