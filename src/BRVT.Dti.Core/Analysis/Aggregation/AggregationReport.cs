namespace BRVT.Dti.Analysis;

/// <summary>What aggregation did.</summary>
/// <param name="Options">The mean and the data threshold applied.</param>
/// <param name="Missing">Every aggregate cell left without a value, with the reason (too few children with a value,
/// or a negative child under a geometric or harmonic mean).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AggregationReport(AggregationOptions Options, IReadOnlyList<CellChange> Missing);
