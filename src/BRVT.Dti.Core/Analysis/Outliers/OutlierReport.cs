namespace BRVT.Dti.Analysis;

/// <summary>What outlier treatment did: a line per indicator and every changed cell.</summary>
/// <param name="Options">The thresholds and limits applied.</param>
/// <param name="Indicators">Each indicator's skewness and kurtosis before and after, and the action taken.</param>
/// <param name="Cells">Every changed cell (winsorised points, or every value of a log-transformed indicator).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OutlierReport(OutlierOptions Options, IReadOnlyList<IndicatorTreatment> Indicators, IReadOnlyList<CellChange> Cells);

/// <summary>The treatment of one indicator.</summary>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Action">What was done.</param>
/// <param name="SkewnessBefore">Sample skewness before treatment (NaN when not computable).</param>
/// <param name="KurtosisBefore">Sample excess kurtosis before treatment.</param>
/// <param name="SkewnessAfter">Sample skewness after treatment.</param>
/// <param name="KurtosisAfter">Sample excess kurtosis after treatment.</param>
/// <param name="WinsorisedPoints">The number of cells whose value was winsorised in the result (0 when log-transformed).</param>
/// <param name="PassesAfter">Whether the treated indicator is within the thresholds.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IndicatorTreatment(
    string Indicator,
    OutlierAction Action,
    double SkewnessBefore,
    double KurtosisBefore,
    double SkewnessAfter,
    double KurtosisAfter,
    int WinsorisedPoints,
    bool PassesAfter);
