using BRVT.Dti.Data;
using BRVT.Dti.Results;

namespace BRVT.Dti.Evaluation;

/// <summary>
/// The data of one assessment, prepared for one plan: the accepted units, a column of values per measure (one value
/// per unit, NaN when missing; computed measures already computed) with each value's provenance, and the issues met
/// while preparing it. Prepare it once with <see cref="ScoringPlan.Prepare"/>, then assess and explain from it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AssessmentData
{
    internal AssessmentData(ScoringPlan plan)
    {
        Plan = plan;
    }

    /// <summary>The period assessed.</summary>
    public required string Period { get; init; }

    /// <summary>The units accepted for the assessment, in the order given.</summary>
    public IReadOnlyList<UnitInfo> Units => UnitArray;

    /// <summary>Units, observations and values that were not used, each with its reason and provenance.</summary>
    public required IReadOnlyList<DataIssue> Issues { get; init; }

    /// <summary>The number of observations used.</summary>
    public required int ObservationCount { get; init; }

    /// <summary>The SHA-256 of the units and observations used, in canonical order (lower-case hex).</summary>
    public required string DataSha256 { get; init; }

    internal ScoringPlan Plan { get; }

    internal UnitInfo[] UnitArray { get; init; } = null!;

    /// <summary>Each unit's ranking group ordinal (the definition's group order; 0 when it declares none).</summary>
    internal int[] GroupOrdinals { get; init; } = null!;

    /// <summary>Each unit's class ordinal: units of one class (kind and group) have the same applicable nodes.</summary>
    internal int[] ClassOrdinals { get; init; } = null!;

    internal int ClassCount { get; init; }

    /// <summary>Whether node n applies to class c, at <c>n * ClassCount + c</c>.</summary>
    internal bool[] AppliesByClass { get; init; } = null!;

    /// <summary>One column per plan measure, one value per unit.</summary>
    internal double[][] Columns { get; init; } = null!;

    /// <summary>The provenance of each value, per measure and unit.</summary>
    internal Provenance?[][] Provenance { get; init; } = null!;

    internal bool Applies(int node, int unit) => AppliesByClass[(node * ClassCount) + ClassOrdinals[unit]];
}
