using System.Text.Json;
using System.Text.Json.Serialization;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Definitions.Json;

/// <summary>Reads a text written either as a plain string (Vietnamese) or as <c>{ "vi": "…", "en": "…" }</c>.</summary>
internal sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LocalizedText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A text must be a string or an object with \"vi\" and optionally \"en\".");
        }

        string? vi = null;
        string? en = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "vi":
                    vi = reader.GetString();
                    break;
                case "en":
                    en = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new LocalizedText(vi ?? throw new JsonException("A text object needs \"vi\"."), en);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.En is null)
        {
            writer.WriteStringValue(value.Vi);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("vi", value.Vi);
        writer.WriteString("en", value.En);
        writer.WriteEndObject();
    }
}
