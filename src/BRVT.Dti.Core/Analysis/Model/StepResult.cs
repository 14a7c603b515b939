namespace BRVT.Dti.Analysis;

/// <summary>What a step returns: the new matrix and the step's report of what it did.</summary>
/// <typeparam name="TReport">The report type of the step.</typeparam>
/// <param name="Matrix">The matrix after the step; the input matrix is never changed.</param>
/// <param name="Report">What the step did, cell by cell where it changed cells.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StepResult<TReport>(IndicatorMatrix Matrix, TReport Report);
