using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Reporting.Excel;

/// <summary>
/// Turns built sheets into an .xlsx package: numbers as numbers with number formats, styled headers, frozen panes,
/// auto-filters and column widths fitted to the content. DocumentFormat.OpenXml makes the package's small parts
/// (workbook, styles, relationships, content types) with empty worksheets; the package is then re-zipped with fixed
/// entry times, so that the same sheets always give the same bytes, and the worksheets, which grow with the report,
/// are streamed into it row by row (<see cref="XlsxSheetWriter"/>), checking the token at every row.
/// </summary>
internal static class XlsxPackage
{
    /// <summary>The time written into every zip entry (zip times start in 1980).</summary>
    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IReadOnlyList<XlsxSheet> sheets, int ratioDecimals, CancellationToken cancellationToken = default)
    {
        var worksheets = new Dictionary<string, XlsxSheet>(StringComparer.Ordinal);
        using var raw = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(raw, SpreadsheetDocumentType.Workbook))
        {
            // A fixed relationship id (AddWorkbookPart would draw a random one).
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = Stylesheet(ratioDecimals);
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var s = 0; s < sheets.Count; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sheet = sheets[s];
                var relationship = "rIdSheet" + (s + 1).ToString(CultureInfo.InvariantCulture);
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(relationship);
                worksheets.Add(worksheetPart.Uri.OriginalString.TrimStart('/'), sheet);
                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(s + 1), Id = relationship });
                if (XlsxSheetWriter.FilterRange(sheet, XlsxSheetWriter.ColumnCount(sheet)) is { } filterRange)
                {
                    definedNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{filterRange.DefinedName}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)s,
                        Hidden = true,
                    });
                }
            }

            var workbook = new Workbook(new BookViews(new WorkbookView()), sheetList);
            if (definedNames.HasChildren)
            {
                workbook.Append(definedNames);
            }

            workbookPart.Workbook = workbook;
        }

        return Normalise(raw.ToArray(), worksheets, cancellationToken);
    }

    /// <summary>
    /// Re-zips a package with its entries in the same order and a fixed time, so that the bytes are reproducible, and
    /// writes each worksheet's rows into its (empty) entry.
    /// </summary>
    private static byte[] Normalise(byte[] package, Dictionary<string, XlsxSheet> worksheets, CancellationToken cancellationToken)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedEntryTime;
                using var to = copy.Open();
                if (worksheets.TryGetValue(entry.FullName, out var sheet))
                {
                    XlsxSheetWriter.Write(sheet, to, cancellationToken);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>The column letters of a 0-based column index: A, B, …, Z, AA, AB, …</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The workbook's cell styles, in the order of <see cref="XlsxStyle"/>.</summary>
    internal static Stylesheet Stylesheet(int ratioDecimals)
    {
        var ratioFormat = ratioDecimals > 0 ? "0." + new string('0', ratioDecimals) : "0";
        var numberingFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = ratioFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "+" + ratioFormat + ";-" + ratioFormat + ";" + ratioFormat },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "0.####" },
            new NumberingFormat { NumberFormatId = 168, FormatCode = "+0;-0;0" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF5F6B7A" }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF1F4E79" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF0B2942" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
            {
                FontId = 1, FillId = 2, BorderId = 1, NumberFormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 168, ApplyNumberFormat = true });
        return new Stylesheet(numberingFormats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats);
    }
}
