using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using BRVT.Dti.Reporting.Excel;

namespace BRVT.Dti.Reporting.Tests.Excel;

/// <summary>
/// The reference for <see cref="XlsxPackage"/>: the way the package was made before the worksheets were streamed,
/// each worksheet built as a DocumentFormat.OpenXml DOM and saved by the SDK, then the package re-zipped. The
/// streamed package must have the same bytes.
/// </summary>
internal static class DomXlsxPackage
{
    /// <summary>The time written into every zip entry (zip times start in 1980).</summary>
    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IReadOnlyList<XlsxSheet> sheets, int ratioDecimals)
    {
        using var raw = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(raw, SpreadsheetDocumentType.Workbook))
        {
            // A fixed relationship id (AddWorkbookPart would draw a random one).
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = XlsxPackage.Stylesheet(ratioDecimals);
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var s = 0; s < sheets.Count; s++)
            {
                var sheet = sheets[s];
                var relationship = "rIdSheet" + (s + 1).ToString(CultureInfo.InvariantCulture);
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(relationship);
                worksheetPart.Worksheet = Worksheet(sheet, out var filterRange);
                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(s + 1), Id = relationship });
                if (filterRange is not null)
                {
                    definedNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{filterRange}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)s,
                        Hidden = true,
                    });
                }
            }

            var workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new BookViews(new WorkbookView()), sheetList);
            if (definedNames.HasChildren)
            {
                workbook.Append(definedNames);
            }

            workbookPart.Workbook = workbook;
        }

        return Normalise(raw.ToArray());
    }

    /// <summary>Re-zips a package with its entries in the same order and a fixed time, so that the bytes are reproducible.</summary>
    private static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedEntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet, out string? filterRange)
    {
        var columnCount = sheet.Rows.Count == 0 ? 1 : sheet.Rows.Max(r => r.Count);
        var worksheet = new Worksheet();
        worksheet.Append(SheetViews(sheet));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        worksheet.Append(Columns(sheet, columnCount));
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 1);
            var row = new Row { RowIndex = rowIndex };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                if (Cell(cells[c], XlsxPackage.ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture)) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        worksheet.Append(data);
        filterRange = null;
        if (sheet.FilterRow >= 0 && sheet.Rows.Count > sheet.FilterRow + 1)
        {
            var first = (sheet.FilterRow + 1).ToString(CultureInfo.InvariantCulture);
            var last = sheet.Rows.Count.ToString(CultureInfo.InvariantCulture);
            var range = $"A{first}:{XlsxPackage.ColumnName(columnCount - 1)}{last}";
            worksheet.Append(new AutoFilter { Reference = range });
            filterRange = $"$A${first}:${XlsxPackage.ColumnName(columnCount - 1)}${last}";
        }

        return worksheet;
    }

    private static SheetViews SheetViews(XlsxSheet sheet)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (sheet.FrozenRows > 0 || sheet.FrozenColumns > 0)
        {
            var topLeft = XlsxPackage.ColumnName(sheet.FrozenColumns) + (sheet.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            var activePane = sheet.FrozenColumns > 0 && sheet.FrozenRows > 0 ? PaneValues.BottomRight
                : sheet.FrozenColumns > 0 ? PaneValues.TopRight
                : PaneValues.BottomLeft;
            var pane = new Pane { TopLeftCell = topLeft, ActivePane = activePane, State = PaneStateValues.Frozen };
            if (sheet.FrozenColumns > 0)
            {
                pane.HorizontalSplit = sheet.FrozenColumns;
            }

            if (sheet.FrozenRows > 0)
            {
                pane.VerticalSplit = sheet.FrozenRows;
            }

            view.Append(pane);
            view.Append(new Selection { Pane = activePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }

        return new SheetViews(view);
    }

    private static Columns Columns(XlsxSheet sheet, int columnCount)
    {
        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            var widest = 6;
            foreach (var row in sheet.Rows)
            {
                if (c < row.Count)
                {
                    // Headers wrap, so a long header needs less width than its length.
                    var cell = row[c];
                    var width = cell.Style == XlsxStyle.Header ? Math.Min(cell.Width, 16) : cell.Width;
                    widest = Math.Max(widest, width);
                }
            }

            var index = (uint)(c + 1);
            columns.Append(new Column { Min = index, Max = index, Width = Math.Min(widest + 2, 60), CustomWidth = true });
        }

        return columns;
    }

    private static Cell? Cell(XlsxCell value, string reference)
    {
        if (value.Text is { } text)
        {
            if (text.Length == 0 && value.Style != XlsxStyle.Header)
            {
                return null;
            }

            return new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = (uint)value.Style,
            };
        }

        if (!double.IsFinite(value.Number))
        {
            return null;
        }

        return new Cell(new CellValue(value.Number.ToString("R", CultureInfo.InvariantCulture)))
        {
            CellReference = reference,
            DataType = CellValues.Number,
            StyleIndex = (uint)value.Style,
        };
    }

    /// <summary>Replaces characters XML cannot hold and truncates to Excel's 32 767 characters per cell.</summary>
    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length && builder.Length < 32767; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
