using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti;

/// <summary>
/// Limits on what an engine accepts, so that an untrusted definition cannot exhaust memory or time. Every limit has a
/// clear error message that names it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DtiLimits
{
    /// <summary>The default limits.</summary>
    public static DtiLimits Default { get; } = new();

    /// <summary>The largest definition file, in bytes (default 4 MiB).</summary>
    public int MaxDefinitionBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The deepest JSON nesting of a definition (default 64, as the schema layer reads).</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>The most nodes in one definition (default 10 000).</summary>
    public int MaxNodes { get; init; } = 10_000;

    /// <summary>The deepest node tree (default 32 levels).</summary>
    public int MaxTreeDepth { get; init; } = 32;

    /// <summary>
    /// The most units one <see cref="ScoringPlan.Prepare"/> takes (default 100 000). A province has a few hundred
    /// units, and the whole country had about 10 600 communes and 700 districts before the 2025 reorganisation, so
    /// the default leaves room for any real assessment while bounding what a plan allocates (a value and a provenance
    /// per unit and measure). More units throw a <see cref="LimitExceededException"/> naming this limit.
    /// </summary>
    public int MaxUnits { get; init; } = 100_000;

    /// <summary>The limits of formulas (length, nesting, size).</summary>
    public FormulaLimits Formula { get; init; } = FormulaLimits.Default;
}
