namespace BRVT.Dti.Analysis;

/// <summary>
/// The outcome of a <see cref="CompositePipeline"/> run: the data after every step, the scores and ranks of every
/// aggregate, and every step's report of what it imputed, winsorised, excluded or left missing.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CompositeResult
{
    private readonly Dictionary<string, int?[]> ranks;

    internal CompositeResult(
        CompositeStructure structure,
        CompositeOptions options,
        IndicatorMatrix input,
        IndicatorMatrix screened,
        IndicatorMatrix imputed,
        IndicatorMatrix treated,
        IndicatorMatrix normalised,
        IndicatorMatrix aggregated,
        Dictionary<string, int?[]> ranks)
    {
        Structure = structure;
        Options = options;
        Input = input;
        Screened = screened;
        Imputed = imputed;
        Treated = treated;
        Normalised = normalised;
        Aggregated = aggregated;
        this.ranks = ranks;
    }

    /// <summary>The structure used.</summary>
    public CompositeStructure Structure { get; }

    /// <summary>The options used.</summary>
    public CompositeOptions Options { get; }

    /// <summary>The units scored (after screening), in input order.</summary>
    public IReadOnlyList<string> UnitIds => Normalised.UnitIds;

    /// <summary>The indicators after denomination (or as given), every input unit.</summary>
    public IndicatorMatrix Input { get; }

    /// <summary>The indicators of the units kept by screening.</summary>
    public IndicatorMatrix Screened { get; }

    /// <summary>The indicators after imputation.</summary>
    public IndicatorMatrix Imputed { get; }

    /// <summary>The indicators after outlier treatment.</summary>
    public IndicatorMatrix Treated { get; }

    /// <summary>The normalised indicators.</summary>
    public IndicatorMatrix Normalised { get; }

    /// <summary>The aggregates, one column each (bottom-up, the index last).</summary>
    public IndicatorMatrix Aggregated { get; }

    /// <summary>The denomination report, or <see langword="null"/> when the step was off.</summary>
    public DenominationReport? Denomination { get; init; }

    /// <summary>The screening report, or <see langword="null"/> when the step was off.</summary>
    public ScreeningReport? Screening { get; init; }

    /// <summary>The imputation report, or <see langword="null"/> when the step was off.</summary>
    public ImputationReport? Imputation { get; init; }

    /// <summary>The outlier treatment report, or <see langword="null"/> when the step was off.</summary>
    public OutlierReport? Outliers { get; init; }

    /// <summary>The normalisation report.</summary>
    public required NormalisationReport Normalisation { get; init; }

    /// <summary>The aggregation report.</summary>
    public required AggregationReport Aggregation { get; init; }

    /// <summary>The code of the index (the root aggregate).</summary>
    public string IndexCode => Structure.Root;

    /// <summary>The scores of a node: normalised values for an indicator, aggregate scores for an aggregate.</summary>
    /// <param name="code">The indicator or aggregate code.</param>
    /// <returns>One score per unit of <see cref="UnitIds"/>; NaN where none.</returns>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    public ReadOnlySpan<double> Scores(string code) =>
        Aggregated.IndexOfIndicator(code) >= 0 ? Aggregated.Column(code) : Normalised.Column(code);

    /// <summary>One unit's score on a node.</summary>
    /// <param name="unit">The unit id.</param>
    /// <param name="code">The indicator or aggregate code.</param>
    /// <returns>The score, NaN when none.</returns>
    /// <exception cref="KeyNotFoundException">No such unit or node.</exception>
    public double Score(string unit, string code) =>
        Aggregated.IndexOfIndicator(code) >= 0 ? Aggregated.Value(unit, code) : Normalised.Value(unit, code);

    /// <summary>The ranks of every unit on an aggregate: 1 best, ties sharing the best rank of their run ("1224").</summary>
    /// <param name="code">The aggregate code.</param>
    /// <returns>One rank per unit of <see cref="UnitIds"/>; <see langword="null"/> for a unit without a score.</returns>
    /// <exception cref="KeyNotFoundException">No such aggregate.</exception>
    public IReadOnlyList<int?> Ranks(string code) =>
        ranks.TryGetValue(code, out var r) ? Array.AsReadOnly(r) : throw new KeyNotFoundException($"'{code}' is not an aggregate.");

    /// <summary>One unit's rank on an aggregate.</summary>
    /// <param name="unit">The unit id.</param>
    /// <param name="code">The aggregate code (default: the index).</param>
    /// <returns>The rank, or <see langword="null"/> without a score.</returns>
    /// <exception cref="KeyNotFoundException">No such unit or aggregate.</exception>
    public int? Rank(string unit, string? code = null)
    {
        var u = Aggregated.IndexOfUnit(unit);
        return u < 0 ? throw new KeyNotFoundException($"No unit '{unit}'.") : Ranks(code ?? IndexCode)[u];
    }

    /// <summary>The units by rank on an aggregate, best first (ties by unit id), units without a score last.</summary>
    /// <param name="code">The aggregate code (default: the index).</param>
    /// <returns>Every unit with its score and rank.</returns>
    /// <exception cref="KeyNotFoundException">No such aggregate.</exception>
    public IReadOnlyList<RankedUnit> Ranking(string? code = null)
    {
        code ??= IndexCode;
        var r = Ranks(code);
        var scores = Aggregated.Column(code).ToArray();
        return [.. UnitIds.Select((u, i) => new RankedUnit(u, scores[i], r[i]))
            .OrderBy(x => x.Rank ?? int.MaxValue)
            .ThenBy(x => x.Unit, StringComparer.Ordinal)];
    }
}
