using System.Text.Json;

namespace BRVT.Dti.Analysis;

/// <summary>
/// What a Monte Carlo uncertainty and sensitivity analysis varies. Each replication draws, independently and uniformly:
/// every weight's multiplier in [1 − p, 1 + p] (weights are then re-normalised within each aggregate), one imputation,
/// one normalisation and one aggregation from the lists given (an empty list keeps the pipeline's choice), and, when
/// <see cref="ExcludeIndicators"/> is set, either no indicator or one indicator to leave out (each with probability 1/(n+1)).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. JSON (<see cref="ParseJson"/>), in the format of <see cref="CompositeOptions"/>:
/// <code>
/// { "replications": 10000, "seed": 1, "weightPerturbation": 0.25, "excludeIndicators": true,
///   "imputationChoices": [ { "method": "none" }, { "method": "groupMean", "group": "EurAsia_group" } ],
///   "normalisationChoices": [ { "kind": "minMax", "low": 1, "high": 100 }, { "kind": "rank" } ],
///   "aggregationChoices": [ "arithmetic", "geometric" ] }
/// </code>
/// </remarks>
public sealed record UncertaintyOptions
{
    /// <summary>The number of replications (default 1000).</summary>
    public int Replications { get; init; } = 1000;

    /// <summary>The seed of the random draws; the same seed, options and data give the same result (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>The half-width p of each weight's multiplier range [1 − p, 1 + p], 0..1 (default 0.25; 0 keeps the weights).</summary>
    public double WeightPerturbation { get; init; } = 0.25;

    /// <summary>Imputations to choose from (<see cref="ImputationOptions.None"/> for none); empty keeps the pipeline's.</summary>
    public IReadOnlyList<ImputationOptions> ImputationChoices { get; init; } = [];

    /// <summary>Normalisations to choose from; empty keeps the pipeline's.</summary>
    public IReadOnlyList<Normalisation> NormalisationChoices { get; init; } = [];

    /// <summary>Aggregations to choose from; empty keeps the pipeline's. The data threshold stays the pipeline's.</summary>
    public IReadOnlyList<AggregationKind> AggregationChoices { get; init; } = [];

    /// <summary>Whether replications may leave one indicator out (default false).</summary>
    public bool ExcludeIndicators { get; init; }

    /// <summary>The aggregate whose ranks are analysed (default: the index).</summary>
    public string? Target { get; init; }

    /// <summary>The number of equal-width bins of each weight multiplier when estimating its variance share (default 10).</summary>
    public int WeightBins { get; init; } = 10;

    /// <summary>
    /// Whether the first-order variance share of every input is estimated (default true). Without them the analysis
    /// only ranks every replication and summarises each unit's ranks (median, 5th and 95th percentiles), which is
    /// cheaper when there are many inputs (one per weight).
    /// </summary>
    public bool VarianceShares { get; init; } = true;

    /// <summary>The most threads used, or <see langword="null"/> for the runtime's default.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Reads options from JSON (camelCase names, enum values as camelCase strings, unknown properties are errors, comments allowed).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The options, checked.</returns>
    /// <exception cref="DefinitionException">The JSON is malformed, has unknown properties, or the options are invalid.</exception>
    public static UncertaintyOptions ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        UncertaintyOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<UncertaintyOptions>(json, CompositeOptions.Json);
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"The uncertainty options are not valid JSON for this format: {e.Message}", e);
        }

        if (options is null)
        {
            throw new DefinitionException("The uncertainty options are null.");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new DefinitionException($"The uncertainty options are invalid: {e.Message}", e);
        }

        return options;
    }

    /// <summary>Writes the options as JSON, in the format <see cref="ParseJson"/> reads.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, CompositeOptions.Json);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a choice is invalid.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Replications);
        ArgumentOutOfRangeException.ThrowIfLessThan(WeightBins, 2);
        if (!(WeightPerturbation is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightPerturbation), WeightPerturbation, "The weight perturbation must be within 0..1.");
        }

        if (MaxDegreeOfParallelism is { } m)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m, nameof(MaxDegreeOfParallelism));
        }

        ArgumentNullException.ThrowIfNull(ImputationChoices, nameof(ImputationChoices));
        ArgumentNullException.ThrowIfNull(NormalisationChoices, nameof(NormalisationChoices));
        ArgumentNullException.ThrowIfNull(AggregationChoices, nameof(AggregationChoices));
        foreach (var choice in ImputationChoices)
        {
            ArgumentNullException.ThrowIfNull(choice, nameof(ImputationChoices));
            choice.Validate();
        }

        foreach (var choice in NormalisationChoices)
        {
            ArgumentNullException.ThrowIfNull(choice, nameof(NormalisationChoices));
            choice.Validate();
        }

        foreach (var choice in AggregationChoices)
        {
            if (!Enum.IsDefined(choice))
            {
                throw new ArgumentException($"Unknown aggregation {choice}.", nameof(AggregationChoices));
            }
        }
    }
}
