using BRVT.Dti.Data;

namespace BRVT.Dti.Results;

/// <summary>Every point of one unit, from the total down to each observation and where it came from.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Unit">The unit explained.</param>
/// <param name="Rank">The unit's rank in its group, if ranked.</param>
/// <param name="Band">The unit's band, if any.</param>
/// <param name="Root">The explanation of the total.</param>
public sealed record UnitExplanation(UnitInfo Unit, int? Rank, string? Band, NodeExplanation Root);
