namespace BRVT.Dti.Analysis;

/// <summary>Percentiles and means of a unit's ranks over the replications, from a histogram of the ranks.</summary>
internal static class RankStatistics
{
    /// <summary>The median, 5th and 95th percentiles (R type 7) and mean of the positive ranks; NaN when there are none.</summary>
    public static (double Median, double P5, double P95, double Mean, int Count) Summarise(ReadOnlySpan<int> ranks, int maxRank) =>
        Summarise(ranks, new int[maxRank + 1]);

    /// <summary>As <see cref="Summarise(ReadOnlySpan{int}, int)"/>, counting in a histogram the caller reuses (maxRank + 1 long).</summary>
    public static (double Median, double P5, double P95, double Mean, int Count) Summarise(ReadOnlySpan<int> ranks, int[] histogram)
    {
        Array.Clear(histogram);
        long sum = 0;
        var n = 0;
        foreach (var r in ranks)
        {
            if (r > 0)
            {
                histogram[r]++;
                sum += r;
                n++;
            }
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        return (Quantile(histogram, n, 0.5), Quantile(histogram, n, 0.05), Quantile(histogram, n, 0.95), (double)sum / n, n);
    }

    /// <summary>R's type 7 quantile: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) over the sorted values.</summary>
    private static double Quantile(int[] histogram, int n, double p)
    {
        var h = (n - 1) * p;
        var lo = (int)Math.Floor(h);
        var a = OrderStatistic(histogram, lo);
        var b = lo + 1 < n ? OrderStatistic(histogram, lo + 1) : a;
        return a + ((h - lo) * (b - a));
    }

    /// <summary>The value at 0-based position <paramref name="index"/> of the sorted values.</summary>
    private static int OrderStatistic(int[] histogram, int index)
    {
        var seen = 0;
        for (var r = 1; r < histogram.Length; r++)
        {
            seen += histogram[r];
            if (seen > index)
            {
                return r;
            }
        }

        return histogram.Length - 1;
    }
}
