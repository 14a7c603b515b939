namespace BRVT.Dti.Definitions;

/// <summary>
/// How units are ranked: standard competition ranking within each ranked group (ties share a rank and the next
/// rank is skipped: 1, 2, 2, 4), over the total or over one view.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RankingPolicy
{
    /// <summary>The ranking basis: <c>total</c>, or the identifier of a view or node.</summary>
    public string By { get; init; } = "total";

    /// <summary>
    /// Two values tie when they differ by at most this much (in share units, 0..1). A run of ties is anchored at its
    /// first (highest) value, so ranks stay consistent with values. When <see langword="null"/>, values tie when they
    /// are equal at the published <see cref="ScaleDefinition.Decimals"/>.
    /// </summary>
    public double? TieTolerance { get; init; }
}
