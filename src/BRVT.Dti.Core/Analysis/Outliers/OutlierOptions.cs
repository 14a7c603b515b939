namespace BRVT.Dti.Analysis;

/// <summary>
/// Outlier treatment by skewness and kurtosis (COINr <c>Treat</c> defaults): an indicator passes when
/// |skewness| &lt; <see cref="SkewnessThreshold"/> or kurtosis &lt; <see cref="KurtosisThreshold"/>; a failing indicator is
/// winsorised point by point up to <see cref="MaxWinsorisedPoints"/>, and if it still fails, optionally log-transformed instead.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OutlierOptions
{
    /// <summary>The absolute sample skewness below which an indicator passes (default 2).</summary>
    public double SkewnessThreshold { get; init; } = 2;

    /// <summary>The sample excess kurtosis below which an indicator passes (default 3.5).</summary>
    public double KurtosisThreshold { get; init; } = 3.5;

    /// <summary>The most points winsorised per indicator (default 5, COINr's <c>winmax</c>).</summary>
    public int MaxWinsorisedPoints { get; init; } = 5;

    /// <summary>
    /// Whether an indicator that still fails after winsorising the most points is log-transformed instead, from its
    /// original values (default true, as COINr's <c>f2 = "log_CT"</c>); when false it keeps its winsorised values.
    /// </summary>
    public bool LogTransform { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not positive or the point limit is negative.</exception>
    public void Validate()
    {
        if (!(SkewnessThreshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SkewnessThreshold), SkewnessThreshold, "The skewness threshold must be positive.");
        }

        if (double.IsNaN(KurtosisThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(KurtosisThreshold), KurtosisThreshold, "The kurtosis threshold must be a number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxWinsorisedPoints);
    }
}
