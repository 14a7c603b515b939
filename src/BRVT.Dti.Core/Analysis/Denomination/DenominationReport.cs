namespace BRVT.Dti.Analysis;

/// <summary>What denomination did: which indicator was divided by which column, and the cells left without a value.</summary>
/// <param name="Denominators">The denominator column of each denominated indicator.</param>
/// <param name="Cells">Cells that had a value but lost it because the denominator was missing or zero.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DenominationReport(IReadOnlyDictionary<string, string> Denominators, IReadOnlyList<CellChange> Cells);
