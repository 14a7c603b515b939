namespace BRVT.Dti.Definitions;

/// <summary>
/// A classification band (e.g. Tốt, Khá, Trung bình, Yếu) over a unit's total share of its maximum, in 0..1.
/// A unit is in the band when <see cref="From"/> ≤ share &lt; <see cref="To"/>; the band whose <see cref="To"/> is 1
/// also includes 1.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BandDefinition
{
    /// <summary>The stable identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The lower bound of the share, inclusive.</summary>
    public required double From { get; init; }

    /// <summary>The upper bound of the share, exclusive (inclusive when it is 1).</summary>
    public required double To { get; init; }
}
