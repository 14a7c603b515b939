using System.Globalization;
using System.Text;

namespace BRVT.Dti.Analysis;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF) for the COINr-style CSV files.</summary>
internal static class CsvText
{
    /// <summary>Splits a CSV text into records of fields; blank lines are skipped.</summary>
    public static List<(int Line, string[] Fields)> Parse(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {recordLine}: a quoted field is not closed."));
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add((recordLine, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }

    /// <summary>True for the cells that mean "no value": empty, <c>NA</c> or <c>NaN</c>.</summary>
    public static bool IsMissing(string cell)
    {
        var t = cell.AsSpan().Trim();
        return t.IsEmpty || t.Equals("NA", StringComparison.Ordinal) || t.Equals("NaN", StringComparison.Ordinal);
    }

    /// <summary>Reads a number with the invariant culture; missing cells are NaN.</summary>
    public static bool TryNumber(string cell, out double value)
    {
        if (IsMissing(cell))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(cell.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The cell's text, or <see langword="null"/> when it is missing.</summary>
    public static string? Text(string cell) => IsMissing(cell) ? null : cell.Trim();
}
