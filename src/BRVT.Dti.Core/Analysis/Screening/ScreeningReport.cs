namespace BRVT.Dti.Analysis;

/// <summary>What screening did: the threshold and the units it excluded.</summary>
/// <param name="MinDataAvailability">The threshold applied.</param>
/// <param name="Excluded">The excluded units with their data availability, in input order.</param>
/// <param name="Kept">The number of units kept.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningReport(double MinDataAvailability, IReadOnlyList<ScreenedUnit> Excluded, int Kept);

/// <summary>A unit's data availability.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Present">The number of indicators with a value.</param>
/// <param name="Total">The number of indicators.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreenedUnit(string Unit, int Present, int Total)
{
    /// <summary>The share of indicators with a value, 0..1.</summary>
    public double Availability => Total == 0 ? 0 : (double)Present / Total;
}
