namespace BRVT.Dti.Analysis;

/// <summary>What outlier treatment did to one indicator.</summary>
public enum OutlierAction
{
    /// <summary>Fewer than four values: skewness and kurtosis were not checked and nothing changed.</summary>
    NotChecked,

    /// <summary>The indicator passed as it was; nothing changed.</summary>
    Passed,

    /// <summary>Winsorised points bring it within the thresholds.</summary>
    Winsorised,

    /// <summary>Winsorising the most points allowed did not bring it within the thresholds; it keeps the winsorised values.</summary>
    WinsorisedStillFailing,

    /// <summary>Winsorising the most points allowed did not suffice, so its original values were log-transformed instead.</summary>
    LogTransformed,
}
