namespace BRVT.Dti.Analysis;

/// <summary>What normalisation did.</summary>
/// <param name="Method">The method applied to every indicator.</param>
/// <param name="ReversedIndicators">Indicators whose direction is −1 (multiplied by −1 before normalising).</param>
/// <param name="Notes">Degenerate cases met, e.g. an indicator with a single distinct value.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record NormalisationReport(Normalisation Method, IReadOnlyList<string> ReversedIndicators, IReadOnlyList<string> Notes);
