namespace BRVT.Dti.Analysis;

/// <summary>A unit of the analysed group that an <see cref="AssessmentComposite"/> leaves out, and why.</summary>
/// <param name="Unit">The unit id.</param>
/// <param name="Reason">Why, in words (e.g. the total has no value because data were missing under the <c>missing</c> policy).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LeftOutUnit(string Unit, string Reason);
