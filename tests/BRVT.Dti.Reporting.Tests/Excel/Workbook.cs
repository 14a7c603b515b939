using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Reporting.Tests.Excel;

/// <summary>A written workbook reopened with DocumentFormat.OpenXml, read cell by cell.</summary>
internal sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument document;

    public Workbook(Stream stream)
    {
        document = SpreadsheetDocument.Open(stream, isEditable: false);
    }

    public IReadOnlyList<string> SheetNames =>
        [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Worksheet Sheet(string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The sheet's rows as cells keyed by column letters.</summary>
    public List<Dictionary<string, Cell>> Rows(string name) =>
        [.. Sheet(name).GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), StringComparer.Ordinal))];

    public static string Column(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);

    public static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.InnerText;
    }

    public static double Number(Cell cell)
    {
        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    public static Dictionary<string, string> Header(Dictionary<string, Cell> row) =>
        row.ToDictionary(kv => Text(kv.Value), kv => kv.Key, StringComparer.Ordinal);

    public void Dispose() => document.Dispose();
}
