namespace BRVT.Dti.Data;

/// <summary>One observed value of a measure for a unit and period.</summary>
/// <remarks>Immutable and thread-safe. A missing value is <see cref="double.NaN"/>; booleans are 1 and 0.</remarks>
/// <param name="UnitId">The unit observed.</param>
/// <param name="MeasureId">The measure observed.</param>
/// <param name="Period">The period, written as the definition's period kind says (<c>2023</c>, <c>2023-Q2</c>).</param>
/// <param name="Value">The value; <see cref="double.NaN"/> when missing.</param>
/// <param name="Provenance">Where the value came from.</param>
public sealed record Observation(string UnitId, string MeasureId, string Period, double Value, Provenance Provenance);
