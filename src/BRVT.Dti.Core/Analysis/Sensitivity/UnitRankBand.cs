namespace BRVT.Dti.Analysis;

/// <summary>One unit's rank under uncertainty.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="NominalRank">The rank with the pipeline's own choices, or <see langword="null"/> without a score.</param>
/// <param name="MedianRank">The median rank over the replications.</param>
/// <param name="Percentile5">The 5th percentile of the rank (the optimistic end of the band).</param>
/// <param name="Percentile95">The 95th percentile of the rank (the pessimistic end of the band).</param>
/// <param name="MeanRank">The mean rank.</param>
/// <param name="RankedReplications">The replications in which the unit had a score and so a rank.</param>
/// <remarks>Immutable and thread-safe. Percentiles interpolate between order statistics (R's default, type 7).</remarks>
public sealed record UnitRankBand(string Unit, int? NominalRank, double MedianRank, double Percentile5, double Percentile95, double MeanRank, int RankedReplications);
