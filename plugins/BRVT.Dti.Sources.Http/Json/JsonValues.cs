using System.Globalization;
using System.Text.Json;

namespace BRVT.Dti.Sources.Http.Json;

/// <summary>Reads ids and numbers from JSON values, with a reason when a value is not what is needed.</summary>
internal static class JsonValues
{
    /// <summary>An id or period: a string (trimmed) or a number as written.</summary>
    public static bool TryText(JsonElement value, out string text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
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
                var text = value.GetString()!.Trim();
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
        JsonValueKind.String => $"the text '{Clip(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
