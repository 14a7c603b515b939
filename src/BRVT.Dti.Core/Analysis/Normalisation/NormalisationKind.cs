namespace BRVT.Dti.Analysis;

/// <summary>How indicators are brought onto a common scale (COINr <c>Normalise(f_n = ...)</c>).</summary>
public enum NormalisationKind
{
    /// <summary>Values are kept as they are (after the direction is applied).</summary>
    None,

    /// <summary>(x − min) / (max − min) · (high − low) + low (COINr <c>n_minmax</c>).</summary>
    MinMax,

    /// <summary>(x − mean) / sd · s + m, with the sample standard deviation (COINr <c>n_zscore</c>).</summary>
    ZScore,

    /// <summary>The rank from the bottom, ties sharing the lowest rank: 1 for the smallest value (COINr <c>n_rank</c>).</summary>
    Rank,

    /// <summary>(rank − 1) / (n − 1), ranks as for <see cref="Rank"/>: 0 for the smallest, 1 for the largest (COINr <c>n_prank</c>).</summary>
    PercentileRank,

    /// <summary>(x − low goalpost) / (high − low goalpost), optionally truncated to 0..1, times the scale (COINr <c>n_goalposts</c>).</summary>
    Goalposts,

    /// <summary>(x − min) / (target − min), optionally capped at 1, times the scale (COINr <c>n_dist2targ</c>).</summary>
    DistanceToTarget,

    /// <summary>The number of units with a lower value: rank − 1 (COINr <c>n_borda</c>).</summary>
    Borda,
}
