namespace BRVT.Dti.Definitions;

/// <summary>A named quantity observed per unit and period, which scoring rules read.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MeasureDefinition
{
    /// <summary>The stable identifier that rules and data sources use.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The unit of measurement as text (<c>%</c>, <c>hồ sơ</c>, <c>ngày</c>…), for reports only.</summary>
    public string? Unit { get; init; }

    /// <summary>Whether a larger value is better; rules that have no direction of their own follow it.</summary>
    public Direction Direction { get; init; } = Direction.HigherIsBetter;

    /// <summary>Where the figure comes from (a system, a report), for authors and evaluators.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// When the measure is computed from other measures of the same unit, the formula (e.g. <c>online / received</c>);
    /// otherwise <see langword="null"/>. Formulas must not refer to themselves, directly or through other measures.
    /// </summary>
    public string? Formula { get; init; }

    /// <summary>When the measure is computed from raw records rather than observed directly, how; otherwise <see langword="null"/>.</summary>
    public MeasureDerivation? Derivation { get; init; }
}
