namespace BRVT.Dti.Results;

/// <summary>The score of one unit on one node.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Points">Points earned; <see cref="double.NaN"/> when the node has no value.</param>
/// <param name="MaxPoints">The maximum points the unit could earn on the node (only the children that apply to it count).</param>
/// <param name="Value">The share of the maximum, <see cref="Points"/> / <see cref="MaxPoints"/>, in 0..1; <see cref="double.NaN"/> when the node has no value or no maximum.</param>
/// <param name="Flags">What happened to the score.</param>
public readonly record struct NodeScore(double Points, double MaxPoints, double Value, ScoreFlags Flags);
