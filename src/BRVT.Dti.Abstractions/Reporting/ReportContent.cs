using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting;

/// <summary>
/// What a report is about: one assessment result and its definition, and optionally the explanations of the units,
/// the previous period's result (year-over-year change), rank intervals from a sensitivity analysis, and the
/// observations with their stage (self-assessed and verified values side by side).
/// </summary>
/// <remarks>Immutable and thread-safe: the lists given are copied.</remarks>
public sealed record ReportContent
{
    /// <summary>The index definition the result was computed with (titles, groups, bands, published decimals).</summary>
    public required IndexDefinition Definition { get; init; }

    /// <summary>The assessment result reported on.</summary>
    public required AssessmentResult Result { get; init; }

    /// <summary>The explanations of the units (from <c>ScoringPlan.Explain</c>), in any order; empty when not given.</summary>
    public IReadOnlyList<UnitExplanation> Explanations { get; init => field = [.. value ?? throw new ArgumentNullException(nameof(value))]; } = [];

    /// <summary>The previous period's result of the same index, for year-over-year change; <see langword="null"/> when not given.</summary>
    public AssessmentResult? Previous { get; init; }

    /// <summary>Rank intervals of the units from a sensitivity analysis; empty when not given.</summary>
    public IReadOnlyList<RankInterval> RankIntervals { get; init => field = [.. value ?? throw new ArgumentNullException(nameof(value))]; } = [];

    /// <summary>
    /// Observations whose <see cref="Provenance.Stage"/> is <c>self-assessed</c> or <c>verified</c>: where a unit has
    /// both for a measure, reports show the two values and their difference. Other observations are ignored. Empty
    /// when not given.
    /// </summary>
    public IReadOnlyList<Observation> Observations { get; init => field = [.. value ?? throw new ArgumentNullException(nameof(value))]; } = [];

    /// <summary>
    /// The language of labels and names: <c>vi</c> (the default; Vietnamese, with English glosses on headings) or
    /// <c>en</c> (English, falling back to Vietnamese where a name has no English text).
    /// </summary>
    public string Language { get; init; } = "vi";
}
