using System.Text;

namespace BRVT.Dti.Sources.Excel.Headers;

/// <summary>
/// Normalises header text for comparison: Unicode NFC (a decomposed "ệ" equals a composed one), whitespace of any
/// kind (line breaks in a cell, non-breaking spaces) collapsed to one space, trimmed, and lower case.
/// </summary>
internal static class HeaderText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var space = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
