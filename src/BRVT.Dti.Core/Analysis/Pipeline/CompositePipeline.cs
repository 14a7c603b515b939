using BRVT.Dti.Ranking;

namespace BRVT.Dti.Analysis;

/// <summary>
/// A configured composite-index build: denominate → screen → impute → treat outliers → normalise → aggregate → rank.
/// Create one with <see cref="CompositePipelineBuilder"/>; run it on any number of data sets.
/// </summary>
/// <remarks>Immutable and thread-safe: <see cref="Run"/> keeps no state between calls.</remarks>
public sealed class CompositePipeline
{
    internal CompositePipeline(CompositeStructure structure, CompositeOptions options)
    {
        Structure = structure;
        Options = options;
    }

    /// <summary>The structure (tree, weights, directions, targets).</summary>
    public CompositeStructure Structure { get; }

    /// <summary>The options of every step.</summary>
    public CompositeOptions Options { get; }

    /// <summary>Runs every step on a data set.</summary>
    /// <param name="data">Unit data with a column for every indicator of the structure (and the denominator columns
    /// when denominating); other columns are ignored.</param>
    /// <param name="cancellationToken">Stops the run between steps.</param>
    /// <returns>Scores, ranks and the report of every step.</returns>
    /// <exception cref="DefinitionException">The data lack an indicator or denominator column, a group attribute, or the
    /// goalposts or targets the normalisation needs.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public CompositeResult Run(IndicatorMatrix data, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(data, Options.Imputation, Options.Normalisation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var aggregated = CompositeSteps.Aggregate(prepared.Normalised, Structure, Options.Aggregation);
        var ranks = new Dictionary<string, int?[]>(StringComparer.Ordinal);
        var matrix = aggregated.Matrix;

        // Standard competition ranks, exactly equal scores tied: CompetitionRanking's with tolerance 0, in linear time.
        var ranker = new DescendingRanker(matrix.UnitCount);
        var scratch = new int[matrix.UnitCount];
        foreach (var code in Structure.AggregateCodes)
        {
            ranker.Rank(matrix.ColumnArray(matrix.IndexOfIndicator(code)), scratch);
            ranks[code] = [.. scratch.Select(r => r > 0 ? r : (int?)null)];
        }

        return new CompositeResult(Structure, Options, prepared.Input, prepared.Screened, prepared.Imputed, prepared.Treated, prepared.Normalised, matrix, ranks)
        {
            Denomination = prepared.Denomination,
            Screening = prepared.Screening,
            Imputation = prepared.Imputation,
            Outliers = prepared.Outliers,
            Normalisation = prepared.NormalisationReport,
            Aggregation = aggregated.Report,
        };
    }

    /// <summary>Every step up to normalisation, with a given imputation and normalisation (the Monte Carlo varies them).</summary>
    internal Prepared Prepare(IndicatorMatrix data, ImputationOptions? imputation, Normalisation normalisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        DenominationReport? denominationReport = null;
        if (Options.Denominate)
        {
            var needed = Structure.Nodes.Where(n => n.IsIndicator && n.Denominator is not null).SelectMany(n => new[] { n.Code, n.Denominator! });
            RequireColumns(data, needed, "denominator or indicator");
            var denominated = CompositeSteps.Denominate(data, Structure);
            data = denominated.Matrix;
            denominationReport = denominated.Report;
        }

        RequireColumns(data, Structure.LeafCodes, "indicator");
        var input = data.Select(Structure.LeafCodes);
        var screened = input;
        ScreeningReport? screeningReport = null;
        if (Options.Screening is { } screening)
        {
            var step = CompositeSteps.Screen(input, screening);
            (screened, screeningReport) = (step.Matrix, step.Report);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var imputed = screened;
        ImputationReport? imputationReport = null;
        if (imputation is { } imp)
        {
            if (imp.Group is { } group && imp.Method is ImputationMethod.GroupMean or ImputationMethod.GroupMedian && !data.HasAttribute(group))
            {
                throw new DefinitionException($"The data have no unit attribute '{group}' to impute by.");
            }

            var step = CompositeSteps.Impute(screened, imp);
            (imputed, imputationReport) = (step.Matrix, step.Report);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var treated = imputed;
        OutlierReport? outlierReport = null;
        if (Options.Outliers is { } outliers)
        {
            var step = CompositeSteps.TreatOutliers(imputed, outliers);
            (treated, outlierReport) = (step.Matrix, step.Report);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var normalised = CompositeSteps.Normalise(treated, Structure, normalisation);
        return new Prepared(input, screened, imputed, treated, normalised.Matrix)
        {
            Denomination = denominationReport,
            Screening = screeningReport,
            Imputation = imputationReport,
            Outliers = outlierReport,
            NormalisationReport = normalised.Report,
        };
    }

    private static void RequireColumns(IndicatorMatrix data, IEnumerable<string> codes, string what)
    {
        var lacking = codes.Distinct(StringComparer.Ordinal).Where(c => data.IndexOfIndicator(c) < 0).ToList();
        if (lacking.Count > 0)
        {
            throw new DefinitionException($"The data have no {what} column(s): {string.Join(", ", lacking)}.");
        }
    }

    internal sealed record Prepared(IndicatorMatrix Input, IndicatorMatrix Screened, IndicatorMatrix Imputed, IndicatorMatrix Treated, IndicatorMatrix Normalised)
    {
        public DenominationReport? Denomination { get; init; }

        public ScreeningReport? Screening { get; init; }

        public ImputationReport? Imputation { get; init; }

        public OutlierReport? Outliers { get; init; }

        public required NormalisationReport NormalisationReport { get; init; }
    }
}
