using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Layouts;

/// <summary>Writes cell locations as <c>file.xlsx Sheet!C7</c>, quoting sheet names as Excel does (<c>'Phường 1'!C7</c>).</summary>
internal static class CellLocation
{
    public static string SheetReference(string sheet)
    {
        foreach (var c in sheet)
        {
            if (!char.IsLetterOrDigit(c) && c is not '_' and not '.')
            {
                return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";
            }
        }

        return sheet.Length == 0 || char.IsAsciiDigit(sheet[0]) ? $"'{sheet}'" : sheet;
    }

    public static string Of(string file, string sheet, int row, int column) =>
        $"{file} {SheetReference(sheet)}!{new CellAddress(row, column)}";
}
