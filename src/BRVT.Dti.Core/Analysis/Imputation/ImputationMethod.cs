namespace BRVT.Dti.Analysis;

/// <summary>How a missing value is estimated (COINr <c>Impute(f_i = ...)</c>).</summary>
public enum ImputationMethod
{
    /// <summary>Missing values stay missing (aggregation then re-weights over the values present).</summary>
    None,

    /// <summary>The mean of the indicator over all units with a value (COINr <c>i_mean</c>).</summary>
    Mean,

    /// <summary>The median of the indicator over all units with a value (COINr <c>i_median</c>).</summary>
    Median,

    /// <summary>The mean of the indicator over the units of the same group (COINr <c>i_mean_grp</c>).</summary>
    GroupMean,

    /// <summary>The median of the indicator over the units of the same group (COINr <c>i_median_grp</c>).</summary>
    GroupMedian,
}
