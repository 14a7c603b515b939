using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BRVT.Dti.Reporting.Excel;

/// <summary>
/// Streams a worksheet's XML row by row, checking the token at every row. The bytes are those DocumentFormat.OpenXml
/// writes when it saves the same worksheet built as a DOM (the same writer settings, elements, attributes and
/// order), without holding a million cell objects: a report of 10,000 units has that many cells.
/// </summary>
internal static class XlsxSheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Prefix = "x";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Excel keeps at most this many characters in a cell.</summary>
    private const int MaxCellText = 32767;

    /// <summary>The style attribute of each <see cref="XlsxStyle"/>.</summary>
    private static readonly string[] StyleIndices = [.. Enumerable.Range(0, 9).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Writes the worksheet to a stream (left open).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="stream">The stream, e.g. a package entry.</param>
    /// <param name="cancellationToken">Checked at every row.</param>
    public static void Write(XlsxSheet sheet, Stream stream, CancellationToken cancellationToken)
    {
        var columnCount = ColumnCount(sheet);
        var columnNames = new string[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            columnNames[c] = XlsxPackage.ColumnName(c);
        }

        // The settings DocumentFormat.OpenXml saves a part with: UTF-8 without a byte order mark, the rest default, but for
        // line breaks in text, which are written as line feeds on every OS instead of Environment.NewLine (the same on Linux).
        // The blocks keep the compressed bytes those of the whole XML written at once (see DeflateBlockStream).
        using var blocks = new DeflateBlockStream(stream);
        using var xml = XmlWriter.Create(blocks, new XmlWriterSettings { CloseOutput = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace });
        xml.WriteStartElement(Prefix, "worksheet", Main);
        SheetViews(sheet).WriteTo(xml);
        new SheetFormatProperties { DefaultRowHeight = 15 }.WriteTo(xml);
        Columns(sheet, columnCount, cancellationToken).WriteTo(xml);
        xml.WriteStartElement(Prefix, "sheetData", Main);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowIndex = (r + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement(Prefix, "row", Main);
            xml.WriteAttributeString("r", rowIndex);
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                WriteCell(xml, cells[c], columnNames[c] + rowIndex);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (FilterRange(sheet, columnCount) is { } range)
        {
            new AutoFilter { Reference = range.Reference }.WriteTo(xml);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The widest row's cell count (at least 1).</summary>
    public static int ColumnCount(XlsxSheet sheet) => sheet.Rows.Count == 0 ? 1 : sheet.Rows.Max(r => r.Count);

    /// <summary>
    /// The auto-filter's range (<c>A1:K200</c>) and the same range absolute for the workbook's hidden filter name, or
    /// <see langword="null"/> when the sheet has no filter or no row under its header.
    /// </summary>
    public static (string Reference, string DefinedName)? FilterRange(XlsxSheet sheet, int columnCount)
    {
        if (sheet.FilterRow < 0 || sheet.Rows.Count <= sheet.FilterRow + 1)
        {
            return null;
        }

        var first = (sheet.FilterRow + 1).ToString(CultureInfo.InvariantCulture);
        var last = sheet.Rows.Count.ToString(CultureInfo.InvariantCulture);
        var lastColumn = XlsxPackage.ColumnName(columnCount - 1);
        return ($"A{first}:{lastColumn}{last}", $"$A${first}:${lastColumn}${last}");
    }

    /// <summary>Replaces characters XML cannot hold and truncates to Excel's 32 767 characters per cell.</summary>
    public static string XmlSafe(string text)
    {
        if (text.Length <= MaxCellText && !NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxCellText + 1));
        for (var i = 0; i < text.Length && builder.Length < MaxCellText; i++)
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

    /// <summary>Whether a text has a surrogate, a control character XML forbids, U+FFFE or U+FFFF.</summary>
    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteCell(XmlWriter xml, XlsxCell value, string reference)
    {
        if (value.Text is { } text)
        {
            if (text.Length == 0 && value.Style != XlsxStyle.Header)
            {
                return;
            }

            xml.WriteStartElement(Prefix, "c", Main);
            xml.WriteAttributeString("r", reference);
            xml.WriteAttributeString("s", StyleIndices[(int)value.Style]);
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement(Prefix, "is", Main);
            xml.WriteStartElement(Prefix, "t", Main);
            xml.WriteAttributeString("xml", "space", XmlNamespace, "preserve");
            xml.WriteString(XmlSafe(text));
            xml.WriteFullEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            return;
        }

        if (!double.IsFinite(value.Number))
        {
            return;
        }

        xml.WriteStartElement(Prefix, "c", Main);
        xml.WriteAttributeString("r", reference);
        xml.WriteAttributeString("s", StyleIndices[(int)value.Style]);
        xml.WriteAttributeString("t", "n");
        xml.WriteStartElement(Prefix, "v", Main);
        xml.WriteString(value.Number.ToString("R", CultureInfo.InvariantCulture));
        xml.WriteFullEndElement();
        xml.WriteEndElement();
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

    /// <summary>Column widths fitted to the content, in one pass over the rows.</summary>
    private static Columns Columns(XlsxSheet sheet, int columnCount, CancellationToken cancellationToken)
    {
        var widest = new int[columnCount];
        Array.Fill(widest, 6);
        foreach (var row in sheet.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < row.Count; c++)
            {
                // Headers wrap, so a long header needs less width than its length.
                var cell = row[c];
                var width = cell.Style == XlsxStyle.Header ? Math.Min(cell.Width, 16) : cell.Width;
                widest[c] = Math.Max(widest[c], width);
            }
        }

        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            var index = (uint)(c + 1);
            columns.Append(new Column { Min = index, Max = index, Width = Math.Min(widest[c] + 2, 60), CustomWidth = true });
        }

        return columns;
    }
}
