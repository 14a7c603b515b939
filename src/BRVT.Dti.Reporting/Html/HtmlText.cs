using System.Globalization;
using System.Text;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Encoding of text for HTML and inline SVG, and invariant numbers for SVG coordinates.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Encodes text for an element's content or a quoted attribute: <c>&amp; &lt; &gt; " '</c> become references,
    /// characters HTML forbids (controls, lone surrogates, noncharacters) become U+FFFD. Vietnamese letters stay as they
    /// are (the page is UTF-8), so the source stays readable.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (char.IsControl(c) && c != '\t' && c != '\n') || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Shortens text to a number of characters with an ellipsis (never splitting a surrogate pair).</summary>
    /// <param name="text">The text.</param>
    /// <param name="max">The maximum length.</param>
    /// <returns>The text, shortened when longer than <paramref name="max"/>.</returns>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>A coordinate with at most two decimals, culture-invariant.</summary>
    /// <param name="value">The coordinate.</param>
    /// <returns>The text.</returns>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A safe token for an identifier or a class: letters, digits and hyphens.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The token.</returns>
    public static string Token(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        // Different names could map to the same token; a short hash of the original keeps tokens distinct.
        var hash = 0u;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return builder.ToString() + "-" + (hash % 46656).ToString("x", CultureInfo.InvariantCulture);
    }
}
