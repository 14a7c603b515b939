using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Writes a self-assessment workbook as units send them: one sheet per unit, a merged title, the unit's name and id,
/// the year, and a two-row header ("Giá trị" over "Tự đánh giá" and "Thẩm định") above one row per measure.
/// </summary>
internal static class SampleWorkbookWriter
{
    public const string UnitIdCell = "B4";
    public const string PeriodCell = "B5";
    public const string MeasureHeader = "Mã chỉ tiêu";
    public const string SelfAssessedHeader = "Tự đánh giá";
    public const string VerifiedHeader = "Thẩm định";

    /// <summary>One unit's form.</summary>
    public sealed record Form(string UnitId, string UnitName, IReadOnlyList<SampleFigure> Figures);

    /// <summary>Writes the workbook; the token is checked at every unit's sheet.</summary>
    public static void Write(string path, string title, string period, IReadOnlyList<Form> forms, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var form in forms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = BuildSheet(form, title, period, strings);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = SheetName(form.UnitName, usedNames),
            });
        }

        strings.Save();
        workbookPart.Workbook.Save();
    }

    private static Worksheet BuildSheet(Form form, string title, string period, SharedStrings strings)
    {
        var data = new SheetData();
        data.Append(Row(1, strings, ("A", "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ (dữ liệu mẫu, tổng hợp ngẫu nhiên)")));
        data.Append(Row(2, strings, ("A", title)));
        data.Append(Row(3, strings, ("A", "Đơn vị:"), ("B", form.UnitName)));
        data.Append(Row(4, strings, ("A", "Mã đơn vị:"), ("B", form.UnitId)));
        data.Append(Row(5, strings, ("A", "Năm đánh giá:"), ("B", period)));
        data.Append(Row(7, strings, ("A", "STT"), ("B", MeasureHeader), ("C", "Tên chỉ tiêu"), ("D", "Đơn vị tính"), ("E", "Giá trị"), ("G", "Tài liệu kiểm chứng")));
        data.Append(Row(8, strings, ("E", SelfAssessedHeader), ("F", VerifiedHeader)));
        uint rowIndex = 9;
        var number = 1;
        foreach (var figure in form.Figures)
        {
            var row = new Row { RowIndex = rowIndex };
            row.Append(NumberCell("A", rowIndex, number++));
            row.Append(TextCell("B", rowIndex, figure.Measure.Id, strings));
            row.Append(TextCell("C", rowIndex, figure.Measure.Definition.Name.Vi, strings));
            row.Append(TextCell("D", rowIndex, figure.Measure.Definition.Unit ?? string.Empty, strings));
            row.Append(double.TryParse(figure.SelfAssessed, NumberStyles.Float, CultureInfo.InvariantCulture, out var claimed)
                ? NumberCell("E", rowIndex, claimed)
                : TextCell("E", rowIndex, figure.SelfAssessed, strings));
            row.Append(NumberCell("F", rowIndex, figure.Verified));
            row.Append(TextCell("G", rowIndex, "Văn bản số …/" + figure.UnitId, strings));
            data.Append(row);
            rowIndex++;
        }

        var merges = new MergeCells(
            new MergeCell { Reference = "A1:G1" },
            new MergeCell { Reference = "A2:G2" },
            new MergeCell { Reference = "A7:A8" },
            new MergeCell { Reference = "B7:B8" },
            new MergeCell { Reference = "C7:C8" },
            new MergeCell { Reference = "D7:D8" },
            new MergeCell { Reference = "E7:F7" },
            new MergeCell { Reference = "G7:G8" });
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 24, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 70, CustomWidth = true },
            new Column { Min = 4, Max = 4, Width = 12, CustomWidth = true },
            new Column { Min = 5, Max = 6, Width = 14, CustomWidth = true },
            new Column { Min = 7, Max = 7, Width = 28, CustomWidth = true });
        return new Worksheet(columns, data, merges);
    }

    private static Row Row(uint index, SharedStrings strings, params (string Column, string Text)[] cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var (column, text) in cells)
        {
            row.Append(TextCell(column, index, text, strings));
        }

        return row;
    }

    private static Cell TextCell(string column, uint row, string text, SharedStrings strings) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell NumberCell(string column, uint row, double value) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
    };

    /// <summary>Excel's sheet names: at most 31 characters, none of <c>: \ / ? * [ ]</c>, unique regardless of case.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray());
        var candidate = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)].TrimEnd() : clean) + suffix;
        }

        return candidate;
    }

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable table = new();

        public int Index(string text)
        {
            if (!indexes.TryGetValue(text, out var index))
            {
                index = indexes.Count;
                indexes[text] = index;
                table.Append(new SharedStringItem(new Text(text)));
            }

            return index;
        }

        public void Save()
        {
            part.SharedStringTable = table;
            table.Save();
        }
    }
}
