namespace BRVT.Dti.Analysis;

/// <summary>A unit's score and rank on one aggregate.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Score">The score (NaN when it has none).</param>
/// <param name="Rank">The rank, 1 best, ties sharing the best rank of their run; <see langword="null"/> without a score.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RankedUnit(string Unit, double Score, int? Rank);
