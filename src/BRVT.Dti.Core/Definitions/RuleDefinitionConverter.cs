using System.Text.Json;
using System.Text.Json.Serialization;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Definitions.Json;

/// <summary>Keeps a rule object whole (its parameters belong to the rule that compiles it) and reads its <c>type</c>.</summary>
internal sealed class RuleDefinitionConverter : JsonConverter<RuleDefinition>
{
    public override RuleDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A rule must be an object with a string \"type\".");
        }

        return new RuleDefinition { Type = type.GetString()!, Parameters = element.Clone() };
    }

    public override void Write(Utf8JsonWriter writer, RuleDefinition value, JsonSerializerOptions options) =>
        value.Parameters.WriteTo(writer);
}
