using System.Text.Json;
using System.Text.Json.Serialization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The choices of a composite-index build, step by step: what a definition author writes, in code or as JSON
/// (<see cref="ParseJson"/>). A step whose options are <see langword="null"/> is skipped.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. JSON example:
/// <code>
/// { "denominate": false,
///   "screening": { "minDataAvailability": 0.9 },
///   "imputation": { "method": "groupMean", "group": "EurAsia_group" },
///   "outliers": { "skewnessThreshold": 2, "kurtosisThreshold": 3.5, "maxWinsorisedPoints": 5, "logTransform": true },
///   "normalisation": { "kind": "minMax", "low": 0, "high": 100 },
///   "aggregation": { "kind": "arithmetic", "minDataShare": 0 } }
/// </code>
/// </remarks>
public sealed record CompositeOptions
{
    /// <summary>The JSON format of the analysis options: camelCase names, enum values as camelCase strings, unknown properties are errors, comments allowed.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Whether indicators are divided by their <see cref="CompositeNode.Denominator"/> column first (default false).</summary>
    public bool Denominate { get; init; }

    /// <summary>Unit screening by data availability, or <see langword="null"/> for none.</summary>
    public ScreeningOptions? Screening { get; init; }

    /// <summary>Imputation of missing values, or <see langword="null"/> for none.</summary>
    public ImputationOptions? Imputation { get; init; }

    /// <summary>Outlier treatment, or <see langword="null"/> for none.</summary>
    public OutlierOptions? Outliers { get; init; }

    /// <summary>The normalisation (default min-max onto 0..100).</summary>
    public Normalisation Normalisation { get; init; } = Normalisation.MinMax();

    /// <summary>The aggregation (default weighted arithmetic means, any one child suffices).</summary>
    public AggregationOptions Aggregation { get; init; } = new();

    /// <summary>Reads options from JSON (camelCase names, enum values as camelCase strings, unknown properties are errors).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The options, checked.</returns>
    /// <exception cref="DefinitionException">The JSON is malformed, has unknown properties, or the options are invalid.</exception>
    public static CompositeOptions ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CompositeOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<CompositeOptions>(json, Json);
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"The composite options are not valid JSON for this format: {e.Message}", e);
        }

        if (options is null)
        {
            throw new DefinitionException("The composite options are null.");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new DefinitionException($"The composite options are invalid: {e.Message}", e);
        }

        return options;
    }

    /// <summary>Writes the options as JSON, in the format <see cref="ParseJson"/> reads.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Checks every step's options.</summary>
    /// <exception cref="ArgumentException">A step's options are invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Normalisation, nameof(Normalisation));
        ArgumentNullException.ThrowIfNull(Aggregation, nameof(Aggregation));
        Screening?.Validate();
        Imputation?.Validate();
        Outliers?.Validate();
        Normalisation.Validate();
        Aggregation.Validate();
    }
}
