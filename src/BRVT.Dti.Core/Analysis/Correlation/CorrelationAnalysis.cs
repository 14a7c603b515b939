namespace BRVT.Dti.Analysis;

/// <summary>
/// Correlations that check a composite's structure (COINr <c>get_corr</c>, <c>get_corr_flags</c>): every indicator and
/// aggregate against its parent and against its siblings. A weak or negative correlation with the parent means the
/// node pulls against its aggregate; a very high one between siblings means redundancy.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class CorrelationAnalysis
{
    /// <summary>Pearson's r over the positions where both values are present.</summary>
    /// <param name="x">The first series.</param>
    /// <param name="y">The second series, as long as the first.</param>
    /// <returns>r in −1..1; NaN with fewer than two complete pairs or when a series has no spread.</returns>
    /// <exception cref="ArgumentException">The series differ in length.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = CompletePairs(x, y);
        return PearsonComplete(a, b);
    }

    /// <summary>Spearman's ρ over the positions where both values are present: Pearson's r of their ranks (ties share their mean rank).</summary>
    /// <param name="x">The first series.</param>
    /// <param name="y">The second series, as long as the first.</param>
    /// <returns>ρ in −1..1; NaN with fewer than two complete pairs or when a series is constant.</returns>
    /// <exception cref="ArgumentException">The series differ in length.</exception>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = CompletePairs(x, y);
        return PearsonComplete(Ranks.AscendingAverage(a), Ranks.AscendingAverage(b));
    }

    /// <summary>
    /// Correlates every node of a result with its parent and with each sibling, using normalised values for indicators
    /// and scores for aggregates. Sibling pairs appear once, in structure order.
    /// </summary>
    /// <param name="result">A pipeline result.</param>
    /// <returns>Parent correlations (node order), then sibling correlations (aggregate order).</returns>
    public static IReadOnlyList<CorrelationEntry> Analyse(CompositeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var structure = result.Structure;
        var entries = new List<CorrelationEntry>();
        foreach (var code in structure.Indicators.Concat(structure.Aggregates))
        {
            if (structure[code].Parent is { } parent)
            {
                entries.Add(Entry(result, code, parent, CorrelationRelation.Parent));
            }
        }

        foreach (var aggregate in structure.Aggregates)
        {
            var children = structure.Children(aggregate);
            for (var i = 0; i < children.Count; i++)
            {
                for (var j = i + 1; j < children.Count; j++)
                {
                    entries.Add(Entry(result, children[i], children[j], CorrelationRelation.Sibling));
                }
            }
        }

        return entries.AsReadOnly();
    }

    private static CorrelationEntry Entry(CompositeResult result, string code, string other, CorrelationRelation relation)
    {
        var (a, b) = CompletePairs(result.Scores(code), result.Scores(other));
        return new CorrelationEntry(code, other, relation, PearsonComplete(a, b), PearsonComplete(Ranks.AscendingAverage(a), Ranks.AscendingAverage(b)), a.Length);
    }

    private static (double[] X, double[] Y) CompletePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The two series must have the same length.", nameof(y));
        }

        var a = new List<double>(x.Length);
        var b = new List<double>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                a.Add(x[i]);
                b.Add(y[i]);
            }
        }

        return (a.ToArray(), b.ToArray());
    }

    private static double PearsonComplete(double[] x, double[] y)
    {
        var n = x.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
    }
}
