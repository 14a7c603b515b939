using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>Where a measure's aggregates are in a row of a <see cref="RecordQuery"/>: one column, or two for <c>ratio</c> and <c>mean</c>.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Function">Its aggregate.</param>
/// <param name="First">The index of its first column.</param>
internal sealed record MeasureColumns(MeasureDefinition Measure, string Function, int First);
