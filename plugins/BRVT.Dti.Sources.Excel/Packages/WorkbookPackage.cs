using System.Globalization;
using System.Text;
using BRVT.Dti.Sources.Excel.Sheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Sources.Excel.Packages;

/// <summary>
/// An opened workbook: its worksheets in workbook order and its shared strings. Sheets are read one at a time with a
/// forward-only XML reader and kept as their non-empty cells (<see cref="SheetGrid"/>).
/// </summary>
/// <remarks>Not thread-safe. Open with <see cref="Open"/> after <see cref="ZipGuard"/> accepted the stream.</remarks>
internal sealed class WorkbookPackage : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly List<(string Name, WorksheetPart Part)> sheets = [];
    private readonly List<string?> sharedStrings = [];
    private readonly int maxCellTextLength;

    private WorkbookPackage(SpreadsheetDocument document, int maxCellTextLength)
    {
        this.document = document;
        this.maxCellTextLength = maxCellTextLength;
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && sheet.Name?.Value is { } name && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                sheets.Add((name, worksheet));
            }
        }

        if (workbookPart.SharedStringTablePart is { } strings)
        {
            ReadSharedStrings(strings);
        }
    }

    /// <summary>The worksheets' names in workbook order (chart sheets are not listed).</summary>
    public IReadOnlyList<string> SheetNames => [.. sheets.Select(s => s.Name)];

    /// <summary>Opens a workbook from a stream the zip guard has checked.</summary>
    /// <exception cref="OpenXmlPackageException">The package is not a workbook.</exception>
    public static WorkbookPackage Open(Stream stream, long maxCharactersInPart, int maxCellTextLength)
    {
        var document = SpreadsheetDocument.Open(stream, false, new OpenSettings
        {
            MaxCharactersInPart = maxCharactersInPart,
            AutoSave = false,
        });
        try
        {
            return new WorkbookPackage(document, maxCellTextLength);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Reads one worksheet.</summary>
    public SheetGrid LoadSheet(string name, CancellationToken cancellationToken)
    {
        var part = sheets.First(s => string.Equals(s.Name, name, StringComparison.Ordinal)).Part;
        var cells = new Dictionary<long, CellContent>();
        var rows = new List<int>();
        var merges = new List<MergedRange>();
        var rowNumber = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Row))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = (Row)reader.LoadCurrentElement()!;
                // The row number as written; one that is no number, or out of range, means "the next row", as when it is absent.
                // (RowIndex.Value would throw on "99999999999".)
                rowNumber = int.TryParse(row.RowIndex?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is > 0 and <= CellAddress.MaxRow
                    ? index
                    : rowNumber + 1;
                var columnNumber = 0;
                var any = false;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? CellAddress.ParseColumn(reference) : 0;
                    columnNumber = column > 0 ? column : columnNumber + 1;
                    var content = Read(cell);
                    if (content.Kind != CellKind.Empty)
                    {
                        cells[SheetGrid.Key(rowNumber, columnNumber)] = content;
                        any = true;
                    }
                }

                if (any)
                {
                    rows.Add(rowNumber);
                }
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (MergedRange.TryParse(merge.Reference?.Value, out var range) && !range.IsSingleCell)
                {
                    merges.Add(range);
                }
            }
        }

        rows.Sort();
        return new SheetGrid(name, cells, [.. rows.Distinct()], merges);
    }

    public void Dispose() => document.Dispose();

    private CellContent Read(Cell cell)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextContent(Concatenate(inline)) : CellContent.Empty;
        }

        if (raw is null)
        {
            return cell.CellFormula is not null ? new CellContent(CellKind.Uncalculated, 0, cell.CellFormula.Text) : CellContent.Empty;
        }

        if (type is null || type == CellValues.Number)
        {
            return raw.Length == 0
                ? CellContent.Empty
                : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new CellContent(CellKind.Number, number, null)
                    : new CellContent(CellKind.Unreadable, 0, Clip(raw));
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index] is { } text ? TextContent(text) : new CellContent(CellKind.TooLong, 0, null)
                : new CellContent(CellKind.Unreadable, 0, $"shared string #{Clip(raw)}, which the workbook does not have");
        }

        if (type == CellValues.Boolean)
        {
            return raw.Trim() switch
            {
                "1" or "true" => new CellContent(CellKind.Boolean, 1, null),
                "0" or "false" => new CellContent(CellKind.Boolean, 0, null),
                _ => new CellContent(CellKind.Unreadable, 0, Clip(raw)),
            };
        }

        if (type == CellValues.Error)
        {
            return new CellContent(CellKind.Error, 0, Clip(raw));
        }

        // Formula text results (t="str") and ISO dates (t="d") read as text.
        return TextContent(raw);
    }

    private CellContent TextContent(string? text) =>
        text is null ? new CellContent(CellKind.TooLong, 0, null)
        : text.Length == 0 ? CellContent.Empty
        : text.Length > maxCellTextLength ? new CellContent(CellKind.TooLong, 0, null)
        : new CellContent(CellKind.Text, 0, text);

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                var text = Concatenate(item);
                sharedStrings.Add(text is not null && text.Length <= maxCellTextLength ? text : null);
            }
        }
    }

    /// <summary>The text of a string item: its <c>t</c> elements, rich-text runs joined, phonetic guides left out; <see langword="null"/> when longer than the cap.</summary>
    private string? Concatenate(OpenXmlElement item)
    {
        var builder = new StringBuilder();
        foreach (var text in item.Descendants<Text>())
        {
            if (text.Ancestors<PhoneticRun>().Any())
            {
                continue;
            }

            builder.Append(text.Text);
            if (builder.Length > maxCellTextLength)
            {
                return null;
            }
        }

        return builder.ToString();
    }
}
