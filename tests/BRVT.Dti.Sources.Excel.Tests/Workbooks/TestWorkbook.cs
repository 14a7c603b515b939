using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Sources.Excel.Tests.Workbooks;

/// <summary>
/// Writes real .xlsx files with the Open XML SDK: shared strings (as Excel writes text), inline strings, numbers,
/// booleans, formula errors, formulas with and without a cached value, rich text and merged cells.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<TestSheet> sheets = [];

    public TestSheet Sheet(string name)
    {
        var sheet = new TestSheet(name);
        sheets.Add(sheet);
        return sheet;
    }

    public string Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        var strings = new SharedStringTable();
        var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in sheet.Cells.GroupBy(c => c.Key.Row).OrderBy(g => g.Key))
            {
                var rowElement = new Row { RowIndex = (uint)row.Key };
                foreach (var (address, value) in row.OrderBy(c => c.Key.Column).Select(c => (c.Key, c.Value)))
                {
                    rowElement.Append(CellFor(address.Reference, value, strings, stringIndex));
                }

                data.Append(rowElement);
            }

            var worksheet = new Worksheet(data);
            if (sheet.Merges.Count > 0)
            {
                worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
            }

            worksheetPart.Worksheet = worksheet;
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
        }

        stringsPart.SharedStringTable = strings;
        return path;
    }

    private static Cell CellFor(string reference, object value, SharedStringTable strings, Dictionary<string, int> index)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                if (!index.TryGetValue(text, out var i))
                {
                    index[text] = i = strings.ChildElements.Count;
                    strings.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(flag ? "1" : "0");
                break;
            case int or long or double or decimal:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            case TestCell.ErrorCell error:
                cell.DataType = CellValues.Error;
                cell.CellFormula = new CellFormula("1/0");
                cell.CellValue = new CellValue(error.Code);
                break;
            case TestCell.FormulaCell formula:
                cell.CellFormula = new CellFormula(formula.Expression);
                if (formula.Cached is { } cached)
                {
                    cell.CellValue = new CellValue(cached.ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            case TestCell.InlineCell inline:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(inline.Text));
                break;
            case TestCell.RichCell rich:
                var item = new SharedStringItem();
                foreach (var run in rich.Runs)
                {
                    item.Append(new Run(new RunProperties(new Bold()), new Text(run) { Space = SpaceProcessingModeValues.Preserve }));
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.ChildElements.Count.ToString(CultureInfo.InvariantCulture));
                strings.Append(item);
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType()}.", nameof(value));
        }

        return cell;
    }
}
