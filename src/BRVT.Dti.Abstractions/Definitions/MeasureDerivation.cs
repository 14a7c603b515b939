namespace BRVT.Dti.Definitions;

/// <summary>
/// How a measure is aggregated from raw records (for example per-dossier rows) grouped by unit:
/// <c>count</c>, <c>sum</c>, <c>mean</c>, <c>min</c>, <c>max</c> of a field, or the <c>ratio</c> of two filtered counts.
/// </summary>
/// <remarks>Immutable and thread-safe. Filters are written in the formula language (e.g. <c>on_time = 1 and channel = 2</c>).</remarks>
public sealed record MeasureDerivation
{
    /// <summary>The record set (a table, a file) the records come from, as named in the workspace's source configuration.</summary>
    public required string Records { get; init; }

    /// <summary>The aggregate function: <c>count</c>, <c>sum</c>, <c>mean</c>, <c>min</c>, <c>max</c> or <c>ratio</c>.</summary>
    public required string Function { get; init; }

    /// <summary>The field aggregated by <c>sum</c>, <c>mean</c>, <c>min</c> and <c>max</c>.</summary>
    public string? Field { get; init; }

    /// <summary>A filter on the records counted (for <c>ratio</c>, the numerator's filter).</summary>
    public string? Filter { get; init; }

    /// <summary>For <c>ratio</c>: the filter of the denominator's records; <see langword="null"/> counts every record of the unit.</summary>
    public string? DenominatorFilter { get; init; }
}
