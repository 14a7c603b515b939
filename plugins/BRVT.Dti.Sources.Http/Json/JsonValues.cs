using System.Globalization;
using System.Text.Json;

namespace BRVT.Dti.Sources.Http.Json;

/// <summary>Reads ids and numbers from JSON values, with a reason when a value is not what is needed.</summary>
internal static class JsonValues
{
    private const string UnreadableText = "a text with an escape of half a surrogate pair (\\uD800 to \\uDFFF), which is no character";

    /// <summary>An id or period: a string (trimmed) or a number as written.</summary>
    public static bool TryText(JsonElement value, out string text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => TryString(value, out var s) ? s.Trim() : string.Empty,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        };
        return text.Length > 0;
    }

    /// <summary>
    /// A number: a JSON number, <c>true</c>/<c>false</c> as 1/0, <c>null</c> as missing (NaN), or a string holding an
    /// invariant number ("85.5"). Anything else is a reason.
    /// </summary>
    public static bool TryNumber(JsonElement value, out double number, out string reason)
    {
        reason = string.Empty;
        number = double.NaN;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out number) && double.IsFinite(number):
                return true;
            case JsonValueKind.True:
                number = 1;
                return true;
            case JsonValueKind.False:
                number = 0;
                return true;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                if (!TryString(value, out var written))
                {
                    reason = $"is {UnreadableText}, not a number";
                    return false;
                }

                var text = written.Trim();
                if (text.Length == 0)
                {
                    return true;
                }

                if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                {
                    return true;
                }

                number = double.NaN;
                reason = $"is the text '{Clip(text)}', not a number";
                return false;
            default:
                reason = $"is {Describe(value)}, not a number";
                return false;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => TryString(value, out var text) ? $"the text '{Clip(text)}'" : UnreadableText,
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    /// <summary>
    /// Reads a string value. An API may escape half of a surrogate pair alone (<c>"\uDEE7"</c>): the parser accepts
    /// it, but it is no character and cannot be read as text, so it is a reason to reject the item, not an exception.
    /// </summary>
    public static bool TryString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException) when (value.ValueKind == JsonValueKind.String)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>A property's name for a message; a name that cannot be read as text (see <see cref="TryString"/>) is shown as a phrase saying so.</summary>
    public static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return "(a name with half a surrogate pair, which is no text)";
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
