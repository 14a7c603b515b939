namespace BRVT.Dti.Scoring.Formulas;

/// <summary>The outcome of <see cref="Formula.Parse"/>: a formula, or the errors that prevented it.</summary>
/// <param name="Formula">The parsed formula, or <see langword="null"/> when the text has errors.</param>
/// <param name="Errors">The errors, ordered by column; empty on success.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FormulaParseResult(Formula? Formula, IReadOnlyList<FormulaError> Errors)
{
    /// <summary>Whether the text parsed; then <see cref="Formula"/> is set and <see cref="Errors"/> is empty.</summary>
    public bool Success => Formula is not null;
}
