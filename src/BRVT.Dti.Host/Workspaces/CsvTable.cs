using System.Text;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// A small RFC 4180 reader (quoted fields, doubled quotes, a UTF-8 BOM) that keeps each record's line number so that
/// every rejection can name its place. Streams the file record by record.
/// </summary>
internal static class CsvTable
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var line = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            fields.Clear();
            field.Clear();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (quoted)
                    {
                        // A quoted field spans lines.
                        var next = reader.ReadLine() ?? throw new WorkspaceException($"{path}:{start}: a quoted field is not closed before the end of the file. Close it with \".");
                        line++;
                        field.Append('\n');
                        text = next;
                        i = 0;
                        continue;
                    }

                    break;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c == '"' && i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            yield return (start, fields.ToArray());
        }
    }
}
