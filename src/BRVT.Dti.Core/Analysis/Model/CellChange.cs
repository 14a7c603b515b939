namespace BRVT.Dti.Analysis;

/// <summary>One cell a step changed or left without a value, and why.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Indicator">The indicator or aggregate code.</param>
/// <param name="Before">The value before the step (NaN when missing).</param>
/// <param name="After">The value after the step (NaN when missing).</param>
/// <param name="Reason">What the step did, in words (e.g. "group mean of EurAsia_group = Asia over 12 units").</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CellChange(string Unit, string Indicator, double Before, double After, string Reason);
