using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BRVT.Dti.Definitions.Json;

namespace BRVT.Dti.Definitions;

/// <summary>
/// Reads and writes index definitions as JSON (camelCase, enums as their documented names, texts as a string or
/// <c>{ "vi", "en" }</c>). Reading here does no validation: use <see cref="DtiEngine"/> to load a definition with
/// located problems.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class DefinitionJson
{
    /// <summary>The serializer options used for definitions; do not modify them.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a definition as indented JSON, in the canonical form used for hashing.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IndexDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, Options);
    }

    /// <summary>Reads a definition without validating it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="JsonException">The text is not a definition.</exception>
    public static IndexDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<IndexDefinition>(json, Options)
            ?? throw new JsonException("The document is null, not an index definition.");
    }

    /// <summary>Empty lists are written as absent: the schema requires a present list (children, nodes of a view) to have items.</summary>
    private static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 256,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyLists } },
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new LocalizedTextConverter());
        options.Converters.Add(new RuleDefinitionConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
