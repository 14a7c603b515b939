using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Excel;

/// <summary>
/// One unit's self-assessed and verified values of one measure, side by side, for reports that show how far the
/// verification moved a unit's own score.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="UnitId">The unit.</param>
/// <param name="MeasureId">The measure.</param>
/// <param name="Period">The period.</param>
/// <param name="SelfAssessed">The accepted self-assessed value, or <see langword="null"/> when the workbook has none (or it was rejected).</param>
/// <param name="Verified">The accepted verified value, or <see langword="null"/> when the workbook has none (or it was rejected).</param>
public sealed record StagePair(string UnitId, string MeasureId, string Period, Observation? SelfAssessed, Observation? Verified)
{
    /// <summary>Verified minus self-assessed; NaN when either is missing.</summary>
    public double Adjustment => (Verified?.Value ?? double.NaN) - (SelfAssessed?.Value ?? double.NaN);
}
