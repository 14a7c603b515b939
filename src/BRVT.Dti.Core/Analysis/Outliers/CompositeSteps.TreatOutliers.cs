using System.Globalization;

namespace BRVT.Dti.Analysis;

public static partial class CompositeSteps
{
    /// <summary>
    /// Treats outliers indicator by indicator, as COINr's <c>Treat</c> does by default:
    /// <list type="number">
    /// <item>An indicator passes when |G1| &lt; the skewness threshold or G2 &lt; the kurtosis threshold (sample skewness
    /// and excess kurtosis, Excel's SKEW and KURT).</item>
    /// <item>A failing indicator is winsorised one step at a time: when its skewness is ≥ 0 the highest value (with every
    /// unit tied at it) takes the next highest value, otherwise the lowest takes the next lowest; the check is repeated
    /// until it passes or the number of changed cells reaches <see cref="OutlierOptions.MaxWinsorisedPoints"/>.</item>
    /// <item>If it still fails and <see cref="OutlierOptions.LogTransform"/> is set, the original values are
    /// log-transformed instead: ln(x − min + 0.01·(max − min)) for a positive skew, −ln(max − x + 0.01·(max − min)) for
    /// a negative one (the mirror image, so the indicator keeps its direction).</item>
    /// </list>
    /// Missing values stay missing.
    /// </summary>
    /// <param name="matrix">The indicator data.</param>
    /// <param name="options">Thresholds and limits.</param>
    /// <returns>The treated matrix and the report of every indicator and changed cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static StepResult<OutlierReport> TreatOutliers(IndicatorMatrix matrix, OutlierOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var columns = matrix.CopyColumns();
        var lines = new List<IndicatorTreatment>();
        var cells = new List<CellChange>();
        for (var c = 0; c < columns.Length; c++)
        {
            lines.Add(TreatColumn(matrix.CodeArray[c], matrix.ColumnArray(c), columns[c], matrix.UnitArray, options, cells));
        }

        return new(matrix.WithColumns(matrix.CodeArray, columns), new OutlierReport(options, lines.AsReadOnly(), cells.AsReadOnly()));
    }

    private static IndicatorTreatment TreatColumn(string code, double[] original, double[] x, string[] units, OutlierOptions options, List<CellChange> cells)
    {
        var (skew0, kurt0, checkable) = Moments(original);
        if (!checkable)
        {
            return new IndicatorTreatment(code, OutlierAction.NotChecked, skew0, kurt0, skew0, kurt0, 0, true);
        }

        if (Passes(skew0, kurt0, options))
        {
            return new IndicatorTreatment(code, OutlierAction.Passed, skew0, kurt0, skew0, kurt0, 0, true);
        }

        var changed = new bool[x.Length];
        var count = 0;
        var (skew, kurt) = (skew0, kurt0);
        while (!Passes(skew, kurt, options) && count < options.MaxWinsorisedPoints)
        {
            var high = skew >= 0;
            var extreme = high ? double.NegativeInfinity : double.PositiveInfinity;
            foreach (var v in x)
            {
                if (!double.IsNaN(v))
                {
                    extreme = high ? Math.Max(extreme, v) : Math.Min(extreme, v);
                }
            }

            var next = high ? double.NegativeInfinity : double.PositiveInfinity;
            foreach (var v in x)
            {
                if (!double.IsNaN(v) && (high ? v < extreme : v > extreme))
                {
                    next = high ? Math.Max(next, v) : Math.Min(next, v);
                }
            }

            if (double.IsInfinity(next))
            {
                break;
            }

            for (var u = 0; u < x.Length; u++)
            {
                if (x[u] == extreme)
                {
                    x[u] = next;
                    count += changed[u] ? 0 : 1;
                    changed[u] = true;
                }
            }

            (skew, kurt, _) = Moments(x);
        }

        var passes = Passes(skew, kurt, options);
        if (passes || !options.LogTransform)
        {
            for (var u = 0; u < x.Length; u++)
            {
                if (changed[u])
                {
                    var side = x[u] < original[u] ? "high" : "low";
                    cells.Add(new CellChange(units[u], code, original[u], x[u], $"winsorised ({side} outlier)"));
                }
            }

            return new IndicatorTreatment(code, passes ? OutlierAction.Winsorised : OutlierAction.WinsorisedStillFailing, skew0, kurt0, skew, kurt, count, passes);
        }

        // Winsorisation did not suffice: start again from the original values with a log transform.
        var sorted = ColumnStatistics.PresentSorted(original);
        var (min, max) = (sorted[0], sorted[^1]);
        var shift = 0.01 * (max - min);
        var positive = skew0 >= 0;
        var label = positive
            ? string.Create(CultureInfo.InvariantCulture, $"log transform ln(x - {Format(min)} + {Format(shift)})")
            : string.Create(CultureInfo.InvariantCulture, $"log transform -ln({Format(max)} - x + {Format(shift)})");
        for (var u = 0; u < x.Length; u++)
        {
            var v = original[u];
            x[u] = double.IsNaN(v) ? double.NaN : positive ? Math.Log(v - min + shift) : -Math.Log(max - v + shift);
            if (!double.IsNaN(v))
            {
                cells.Add(new CellChange(units[u], code, v, x[u], label));
            }
        }

        (skew, kurt, _) = Moments(x);
        return new IndicatorTreatment(code, OutlierAction.LogTransformed, skew0, kurt0, skew, kurt, 0, Passes(skew, kurt, options));
    }

    private static (double Skewness, double Kurtosis, bool Checkable) Moments(ReadOnlySpan<double> values)
    {
        var sorted = ColumnStatistics.PresentSorted(values);
        return (ColumnStatistics.Skewness(sorted), ColumnStatistics.Kurtosis(sorted), sorted.Length >= 4);
    }

    /// <summary>COINr's <c>check_SkewKurt</c>: passes when |skew| &lt; threshold or kurtosis &lt; threshold; a constant column passes.</summary>
    private static bool Passes(double skew, double kurt, OutlierOptions options) =>
        double.IsNaN(skew) || double.IsNaN(kurt) || Math.Abs(skew) < options.SkewnessThreshold || kurt < options.KurtosisThreshold;
}
