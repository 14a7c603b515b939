namespace BRVT.Dti.Analysis;

/// <summary>
/// Statistics of a column's present values. Every sum runs over the values sorted ascending, so a result depends only
/// on the set of values, never on the order of the units (shuffling units changes no published number).
/// </summary>
internal static class ColumnStatistics
{
    /// <summary>The present (non-NaN) values, sorted ascending.</summary>
    public static double[] PresentSorted(ReadOnlySpan<double> values)
    {
        var present = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                present.Add(v);
            }
        }

        var sorted = present.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The arithmetic mean of sorted values (NaN when empty).</summary>
    public static double Mean(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        return sum / sorted.Length;
    }

    /// <summary>The median of sorted values: the middle one, or the mean of the two middle ones (NaN when empty).</summary>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The sample standard deviation (divisor n - 1, as R's <c>sd</c>); NaN below two values.</summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> sorted)
    {
        if (sorted.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(sorted);
        var ss = 0.0;
        foreach (var v in sorted)
        {
            var d = v - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / (sorted.Length - 1));
    }

    /// <summary>
    /// The sample skewness G1 = g1 · √(n(n-1)) / (n-2) with g1 = m3 / m2^1.5 (type 2 of R's e1071, Excel's SKEW, COINr's
    /// <c>skew</c>). NaN below three values or when all values are equal.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        var mean = Mean(sorted);
        double s2 = 0, s3 = 0;
        foreach (var v in sorted)
        {
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
        }

        if (s2 == 0)
        {
            return double.NaN;
        }

        var g1 = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return g1 * Math.Sqrt(n * (n - 1.0)) / (n - 2.0);
    }

    /// <summary>
    /// The sample excess kurtosis G2 = ((n+1)(r-3) + 6)(n-1) / ((n-2)(n-3)) with r = n·Σd⁴ / (Σd²)² (type 2 of R's e1071,
    /// Excel's KURT, COINr's <c>kurt</c>). NaN below four values or when all values are equal.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        if (n < 4)
        {
            return double.NaN;
        }

        var mean = Mean(sorted);
        double s2 = 0, s4 = 0;
        foreach (var v in sorted)
        {
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }

        if (s2 == 0)
        {
            return double.NaN;
        }

        var r = n * s4 / (s2 * s2);
        return (((n + 1) * (r - 3)) + 6) * (n - 1) / ((n - 2.0) * (n - 3.0));
    }
}
