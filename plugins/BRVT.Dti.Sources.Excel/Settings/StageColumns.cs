namespace BRVT.Dti.Sources.Excel.Settings;

/// <summary>Where one stage's values are: a header name (sheet per unit) or one header per measure (row per unit).</summary>
/// <param name="Stage">The stage, <see cref="AssessmentStages.SelfAssessed"/> or <see cref="AssessmentStages.Verified"/>.</param>
/// <param name="Header">The value column's header (sheet per unit).</param>
/// <param name="Measures">Measure id → column header (row per unit), in file order.</param>
internal sealed record StageColumns(string Stage, string? Header, IReadOnlyList<KeyValuePair<string, string>> Measures);
