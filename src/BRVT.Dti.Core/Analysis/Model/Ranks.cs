namespace BRVT.Dti.Analysis;

/// <summary>Ascending ranks of a column's present values (1 = smallest), as R's <c>rank(x, na.last = "keep")</c>.</summary>
internal static class Ranks
{
    /// <summary>Ties take the lowest rank of their run (<c>ties.method = "min"</c>); NaN stays NaN.</summary>
    public static double[] AscendingMin(ReadOnlySpan<double> values) => Rank(values, average: false);

    /// <summary>Ties take the mean rank of their run (<c>ties.method = "average"</c>, as Spearman's correlation uses); NaN stays NaN.</summary>
    public static double[] AscendingAverage(ReadOnlySpan<double> values) => Rank(values, average: true);

    private static double[] Rank(ReadOnlySpan<double> values, bool average)
    {
        var ranks = new double[values.Length];
        var order = new List<int>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            ranks[i] = double.NaN;
            if (!double.IsNaN(values[i]))
            {
                order.Add(i);
            }
        }

        var keys = new double[order.Count];
        var items = order.ToArray();
        for (var k = 0; k < items.Length; k++)
        {
            keys[k] = values[items[k]];
        }

        Array.Sort(keys, items);
        var start = 0;
        while (start < items.Length)
        {
            var end = start + 1;
            while (end < items.Length && keys[end] == keys[start])
            {
                end++;
            }

            var rank = average ? (start + 1 + end) / 2.0 : start + 1;
            for (var k = start; k < end; k++)
            {
                ranks[items[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
