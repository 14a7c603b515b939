namespace BRVT.Dti.Analysis;

/// <summary>
/// Configures a <see cref="CompositePipeline"/> step by step. Defaults: no denomination, screening, imputation or
/// outlier treatment; min-max onto 0..100; weighted arithmetic means with any one child sufficing.
/// </summary>
/// <remarks>Not thread-safe (a builder); the pipeline it builds is immutable.</remarks>
/// <example>
/// <code>
/// var pipeline = new CompositePipelineBuilder(structure)
///     .Impute(ImputationOptions.GroupMean("EurAsia_group"))
///     .TreatOutliers(new OutlierOptions())
///     .Normalise(Normalisation.MinMax(0, 100))
///     .Aggregate(AggregationKind.Arithmetic)
///     .Build();
/// var result = pipeline.Run(data);
/// </code>
/// </example>
public sealed class CompositePipelineBuilder
{
    private readonly CompositeStructure structure;
    private CompositeOptions options = new();

    /// <summary>Starts a pipeline over a structure.</summary>
    /// <param name="structure">The tree of indicators and aggregates.</param>
    public CompositePipelineBuilder(CompositeStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        this.structure = structure;
    }

    /// <summary>Replaces every step's options at once (e.g. read with <see cref="CompositeOptions.ParseJson"/>).</summary>
    /// <param name="value">The options.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder WithOptions(CompositeOptions value)
    {
        ArgumentNullException.ThrowIfNull(value);
        options = value;
        return this;
    }

    /// <summary>Divides indicators by their denominator columns first.</summary>
    /// <param name="enabled">Whether to denominate.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Denominate(bool enabled = true)
    {
        options = options with { Denominate = enabled };
        return this;
    }

    /// <summary>Screens units by data availability.</summary>
    /// <param name="value">The threshold, or <see langword="null"/> to skip screening.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Screen(ScreeningOptions? value)
    {
        options = options with { Screening = value };
        return this;
    }

    /// <summary>Imputes missing values.</summary>
    /// <param name="value">The method, or <see langword="null"/> to skip imputation.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Impute(ImputationOptions? value)
    {
        options = options with { Imputation = value };
        return this;
    }

    /// <summary>Treats outliers.</summary>
    /// <param name="value">The thresholds, or <see langword="null"/> to skip treatment.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder TreatOutliers(OutlierOptions? value)
    {
        options = options with { Outliers = value };
        return this;
    }

    /// <summary>Chooses the normalisation.</summary>
    /// <param name="value">The method.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Normalise(Normalisation value)
    {
        ArgumentNullException.ThrowIfNull(value);
        options = options with { Normalisation = value };
        return this;
    }

    /// <summary>Chooses the aggregation.</summary>
    /// <param name="value">The mean and the data threshold.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Aggregate(AggregationOptions value)
    {
        ArgumentNullException.ThrowIfNull(value);
        options = options with { Aggregation = value };
        return this;
    }

    /// <summary>Chooses the aggregation.</summary>
    /// <param name="kind">The mean.</param>
    /// <param name="minDataShare">The least share of children with a value, 0..1.</param>
    /// <returns>This builder.</returns>
    public CompositePipelineBuilder Aggregate(AggregationKind kind, double minDataShare = 0) =>
        Aggregate(new AggregationOptions { Kind = kind, MinDataShare = minDataShare });

    /// <summary>Checks the options against the structure and builds the pipeline.</summary>
    /// <returns>The immutable pipeline.</returns>
    /// <exception cref="DefinitionException">An option is invalid, or the normalisation needs goalposts or targets an indicator lacks.</exception>
    public CompositePipeline Build()
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new DefinitionException($"The composite options are invalid: {e.Message}", e);
        }

        CompositeSteps.CheckParameters(structure.Nodes.Where(n => n.IsIndicator), options.Normalisation);
        return new CompositePipeline(structure, options);
    }
}
