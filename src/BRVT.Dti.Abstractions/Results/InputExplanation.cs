using BRVT.Dti.Data;

namespace BRVT.Dti.Results;

/// <summary>One observation a leaf read, and where it came from.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="MeasureId">The measure.</param>
/// <param name="Value">The value; <see cref="double.NaN"/> when missing.</param>
/// <param name="Provenance">Where the value came from, or <see langword="null"/> when it is missing.</param>
public sealed record InputExplanation(string MeasureId, double Value, Provenance? Provenance);
