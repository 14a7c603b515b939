using BRVT.Dti.Definitions;

namespace BRVT.Dti.Data;

/// <summary>What the engine asks a data source for: the measures it needs, for one period and a known set of units.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Measures">The measures wanted, with their derivations when they are computed from raw records.</param>
/// <param name="Period">The period wanted.</param>
/// <param name="Units">The units of the assessment; rows of other units are rejected as unknown.</param>
/// <param name="Mode">Whether a bad row is rejected (lenient) or stops the read (strict).</param>
public sealed record SourceReadRequest(IReadOnlyList<MeasureDefinition> Measures, string Period, IReadOnlyList<UnitInfo> Units, RejectionMode Mode = RejectionMode.Lenient);
