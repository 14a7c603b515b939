namespace BRVT.Dti.Analysis;

/// <summary>What imputation did, cell by cell.</summary>
/// <param name="Options">The method applied.</param>
/// <param name="Imputed">Every imputed cell with its new value and the estimate used.</param>
/// <param name="StillMissing">Every cell left missing, with the reason (no group, or no value in the group).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ImputationReport(ImputationOptions Options, IReadOnlyList<CellChange> Imputed, IReadOnlyList<CellChange> StillMissing)
{
    /// <summary>Whether a cell was imputed.</summary>
    /// <param name="unit">The unit id.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <returns><see langword="true"/> when the cell's value is an estimate.</returns>
    public bool IsImputed(string unit, string indicator) =>
        Imputed.Any(c => string.Equals(c.Unit, unit, StringComparison.Ordinal) && string.Equals(c.Indicator, indicator, StringComparison.Ordinal));
}
