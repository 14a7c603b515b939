using System.Buffers;
using System.Globalization;
using System.Text;

namespace BRVT.Dti.Sources.Csv.Parsing;

/// <summary>
/// Text as compared: trimmed and in Unicode normalisation form C, so that Vietnamese written with combining marks
/// (<c>Vu\u0303ng Ta\u0300u</c>, as some keyboards and exports write it) equals the precomposed form (<c>Vũng Tàu</c>).
/// </summary>
internal static class TextKey
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u2028\u2029");

    /// <summary>Trims white space (including no-break spaces) and normalises to form C.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (Ascii.IsValid(trimmed))
        {
            return trimmed.ToString();
        }

        var value = trimmed.ToString();
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Trims white space and normalises to form C.</summary>
    public static string Normalize(string text) => Normalize(text.AsSpan());

    /// <summary>
    /// Shows a value from a file inside a message: quoted, at most 80 characters, control characters and line breaks
    /// escaped, so that no cell can forge lines or terminal sequences in a report.
    /// </summary>
    public static string Show(ReadOnlySpan<char> value)
    {
        const int Max = 80;
        var cut = value.Length > Max;
        var shown = cut ? value[..Max] : value;
        var builder = new StringBuilder(shown.Length + 8);
        builder.Append('\'');
        if (shown.IndexOfAny(Controls) < 0)
        {
            builder.Append(shown);
        }
        else
        {
            foreach (var c in shown)
            {
                if (Controls.Contains(c))
                {
                    builder.Append(c switch
                    {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                    });
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        builder.Append('\'');
        if (cut)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return builder.ToString();
    }
}
