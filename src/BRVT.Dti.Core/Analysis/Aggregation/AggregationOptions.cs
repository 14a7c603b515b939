namespace BRVT.Dti.Analysis;

/// <summary>How aggregates are computed from their children, at every level.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AggregationOptions
{
    /// <summary>The mean used (default <see cref="AggregationKind.Arithmetic"/>).</summary>
    public AggregationKind Kind { get; init; } = AggregationKind.Arithmetic;

    /// <summary>
    /// The least share of an aggregate's children (those with a positive weight) that must have a value, 0..1; below it
    /// the aggregate has no value (COINr <c>dat_thresh</c>). Default 0: any one child suffices.
    /// </summary>
    public double MinDataShare { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The kind is unknown or the share is outside 0..1.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown aggregation {Kind}.", nameof(Kind));
        }

        if (!(MinDataShare is >= 0 and <= 1))
        {
            throw new ArgumentException("The minimum data share must be within 0..1.", nameof(MinDataShare));
        }
    }
}
