using System.Globalization;
using System.Text;

namespace BRVT.Dti.Sources.Csv.Parsing;

/// <summary>
/// Reads a cell as a number, culture-invariantly: digits with a decimal point (or a decimal comma when the source says
/// so), an optional exponent; <c>true</c>/<c>false</c> and <c>có</c>/<c>không</c> as 1 and 0; an empty cell as missing.
/// Never guesses: a comma without <c>decimalComma</c>, a point with it, a percent sign or a non-finite value is refused
/// with a reason that says how to write the value.
/// </summary>
internal static class CsvValues
{
    private const int MaxNumberLength = 100;

    /// <summary>Parses a cell.</summary>
    /// <param name="cell">The cell's text.</param>
    /// <param name="decimalComma">Whether the decimal separator is a comma.</param>
    /// <param name="value">The value; NaN for an empty cell.</param>
    /// <param name="problem">Why the cell is not a number, or <see langword="null"/>.</param>
    /// <returns>Whether the cell is a number, a boolean or empty.</returns>
    public static bool TryParse(ReadOnlySpan<char> cell, bool decimalComma, out double value, out string? problem)
    {
        var text = cell.Trim();
        problem = null;
        if (text.IsEmpty)
        {
            value = double.NaN;
            return true;
        }

        if (text.Length <= MaxNumberLength && IsNumberLike(text))
        {
            if (decimalComma)
            {
                if (text.Contains('.'))
                {
                    value = double.NaN;
                    problem = $"{TextKey.Show(cell)} contains '.', but this source reads decimal commas (\"decimalComma\": true): write the number without thousands separators, e.g. 1234,5";
                    return false;
                }

                Span<char> copy = stackalloc char[text.Length];
                text.CopyTo(copy);
                copy.Replace(',', '.');
                return Finish(double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value), cell, decimalComma, ref value, out problem);
            }

            if (text.Contains(','))
            {
                value = double.NaN;
                problem = $"{TextKey.Show(cell)} contains ',': write a decimal point (0.5) without thousands separators, or set \"decimalComma\": true for this source if its numbers use decimal commas";
                return false;
            }

            return Finish(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value), cell, decimalComma, ref value, out problem);
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = 1;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = 0;
            return true;
        }

        if (!Ascii.IsValid(text))
        {
            var normalized = TextKey.Normalize(text);
            if (normalized.Equals("có", StringComparison.OrdinalIgnoreCase))
            {
                value = 1;
                return true;
            }

            if (normalized.Equals("không", StringComparison.OrdinalIgnoreCase))
            {
                value = 0;
                return true;
            }
        }

        value = double.NaN;
        problem = NotANumber(cell, decimalComma);
        return false;
    }

    private static bool IsNumberLike(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+' or 'e' or 'E'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Finish(bool parsed, ReadOnlySpan<char> cell, bool decimalComma, ref double value, out string? problem)
    {
        if (parsed && double.IsFinite(value))
        {
            problem = null;
            return true;
        }

        problem = parsed
            ? $"{TextKey.Show(cell)} is too large to be a number; write a finite value"
            : NotANumber(cell, decimalComma);
        value = double.NaN;
        return false;
    }

    private static string NotANumber(ReadOnlySpan<char> cell, bool decimalComma)
    {
        var example = decimalComma ? "0,75" : "0.75";
        var hint = cell.Contains('%')
            ? $" (write the ratio without '%', e.g. {example}, or the percentage as a plain number, as the measure's unit says)"
            : string.Empty;
        return $"{TextKey.Show(cell)} is not a number{hint}: write digits with a decimal {(decimalComma ? "comma" : "point")} (e.g. {example}), true/false (có/không), or leave the cell empty when the value is missing";
    }
}
