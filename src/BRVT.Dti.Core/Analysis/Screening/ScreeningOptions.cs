namespace BRVT.Dti.Analysis;

/// <summary>How units are screened by data availability (COINr <c>Screen(unit_screen = "byNA", dat_thresh)</c>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningOptions
{
    /// <summary>The least share of indicators a unit must have a value for, 0..1 (default 0.9: 90% present).</summary>
    public double MinDataAvailability { get; init; } = 0.9;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside 0..1.</exception>
    public void Validate()
    {
        if (!(MinDataAvailability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDataAvailability), MinDataAvailability, "The data availability threshold must be within 0..1.");
        }
    }
}
