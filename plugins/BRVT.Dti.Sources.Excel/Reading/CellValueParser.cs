using System.Globalization;
using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Reading;

/// <summary>
/// Turns a value cell into a number: numbers as stored, TRUE/FALSE as 1/0, an empty cell as missing (NaN), and text
/// that is an invariant number ("85", "8.5") as that number. Anything else is a reason to reject the cell.
/// </summary>
internal static class CellValueParser
{
    public static bool TryParse(CellContent content, int maxTextLength, out double value, out string reason)
    {
        value = double.NaN;
        reason = string.Empty;
        switch (content.Kind)
        {
            case CellKind.Empty:
                return true;
            case CellKind.Number when double.IsFinite(content.Number):
            case CellKind.Boolean:
                value = content.Number;
                return true;
            case CellKind.Number:
                reason = "the cell holds a number that is not finite; enter a finite number";
                return false;
            case CellKind.Error:
                reason = $"the cell shows the formula error {content.Text}; correct the formula (or the cells it reads), recalculate and save the workbook";
                return false;
            case CellKind.Uncalculated:
                reason = $"the cell holds the formula ={content.Text} but no calculated value (the file was written by a program that does not calculate); open the workbook in Excel or LibreOffice and save it again";
                return false;
            case CellKind.TooLong:
                reason = $"the cell holds text longer than {maxTextLength.ToString(CultureInfo.InvariantCulture)} characters (setting \"maxCellTextLength\"); enter a number";
                return false;
            case CellKind.Unreadable:
                reason = $"the cell's stored value '{content.Text}' is not a number the workbook format allows; re-enter the value and save the workbook";
                return false;
            default:
                break;
        }

        var text = content.Text!.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        value = double.NaN;
        var shown = text.Length <= 40 ? text : text[..40] + "…";
        reason = LooksLikeDecimalComma(text)
            ? $"the cell holds the text '{shown}', which uses a decimal comma; enter the value as a number (or write it with a decimal point, e.g. '{text.Replace(',', '.')}')"
            : $"the cell holds the text '{shown}', not a number; enter a number (leave the cell empty when there is no value)";
        return false;
    }

    private static bool LooksLikeDecimalComma(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma == text.LastIndexOf(',') && comma < text.Length - 1
            && text.AsSpan(0, comma).TrimStart('-').ToString().All(char.IsAsciiDigit)
            && text.AsSpan(comma + 1).ToString().All(char.IsAsciiDigit);
    }
}
