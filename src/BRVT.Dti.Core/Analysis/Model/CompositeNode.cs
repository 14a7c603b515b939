namespace BRVT.Dti.Analysis;

/// <summary>
/// One indicator or aggregate of a composite index (a row of COINr's <c>iMeta</c>). Level 1 nodes are indicators
/// (columns of the data); higher levels are aggregates of their children.
/// </summary>
/// <param name="Code">The code, unique in the structure (COINr <c>iCode</c>).</param>
/// <param name="Level">1 for an indicator, 2 and up for aggregates; a parent's level is above its children's.</param>
/// <param name="Parent">The parent aggregate's code, or <see langword="null"/> for the index itself (the root).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompositeNode(string Code, int Level, string? Parent)
{
    /// <summary>A readable name (defaults to the code).</summary>
    public string? Name { get; init; }

    /// <summary>The weight within the parent, ≥ 0 (default 1). Weights are re-normalised over the children with a value.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>1 when a larger value is better, -1 when a smaller value is better (indicators only; default 1).</summary>
    public int Direction { get; init; } = 1;

    /// <summary>The target for distance-to-target normalisation, in the indicator's own units (indicators only).</summary>
    public double? Target { get; init; }

    /// <summary>The lower goalpost for goalpost normalisation, in the indicator's own units (indicators only).</summary>
    public double? GoalpostLow { get; init; }

    /// <summary>The upper goalpost for goalpost normalisation, in the indicator's own units (indicators only).</summary>
    public double? GoalpostHigh { get; init; }

    /// <summary>The data column this indicator is divided by when denominating (e.g. population, area), or none.</summary>
    public string? Denominator { get; init; }

    /// <summary>Whether this node is an indicator (level 1) rather than an aggregate.</summary>
    public bool IsIndicator => Level == 1;

    /// <summary>An indicator under <paramref name="parent"/>.</summary>
    /// <param name="code">The indicator code (a data column).</param>
    /// <param name="parent">The parent aggregate.</param>
    /// <param name="weight">The weight within the parent.</param>
    /// <param name="direction">1 when higher is better, -1 when lower is better.</param>
    /// <returns>The node.</returns>
    public static CompositeNode Indicator(string code, string parent, double weight = 1, int direction = 1) =>
        new(code, 1, parent) { Weight = weight, Direction = direction };

    /// <summary>An aggregate at <paramref name="level"/> under <paramref name="parent"/> (null for the index).</summary>
    /// <param name="code">The aggregate code.</param>
    /// <param name="level">The level, ≥ 2.</param>
    /// <param name="parent">The parent aggregate, or <see langword="null"/> for the root.</param>
    /// <param name="weight">The weight within the parent.</param>
    /// <returns>The node.</returns>
    public static CompositeNode Aggregate(string code, int level, string? parent, double weight = 1) =>
        new(code, level, parent) { Weight = weight };
}
