namespace BRVT.Dti.Scoring.Formulas;

/// <summary>A problem found while parsing a formula, with the place in the text where it was found.</summary>
/// <param name="Column">The 1-based column (UTF-16 position) where the problem starts; one past the end for an unexpected end.</param>
/// <param name="Length">How many characters the problem covers; 0 when it marks an insertion point.</param>
/// <param name="Message">What is wrong and how to fix it, in English.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FormulaError(int Column, int Length, string Message);
