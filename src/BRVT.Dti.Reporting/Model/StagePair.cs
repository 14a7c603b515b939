using BRVT.Dti.Data;

namespace BRVT.Dti.Reporting.Model;

/// <summary>A unit's self-assessed and verified values of one measure.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="MeasureId">The measure.</param>
/// <param name="MeasureName">The measure's display name.</param>
/// <param name="SelfAssessed">The self-assessed observation.</param>
/// <param name="Verified">The verified observation.</param>
internal sealed record StagePair(UnitInfo Unit, string MeasureId, string MeasureName, Observation SelfAssessed, Observation Verified)
{
    /// <summary>Verified minus self-assessed; <see cref="double.NaN"/> when either is missing.</summary>
    public double Difference => Verified.Value - SelfAssessed.Value;
}
