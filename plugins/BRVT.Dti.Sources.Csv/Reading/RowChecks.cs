using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>Rejects the rows that cannot be read at all (blank, wrong number of fields, wrong encoding, too long, broken quoting).</summary>
internal static class RowChecks
{
    public const string EncodingReason =
        "the line contains bytes that are not valid UTF-8 (they would show as �) or NUL characters: the file is probably saved in another encoding (Windows-1258, TCVN3, VNI, UTF-16). Save it as UTF-8 (\"CSV UTF-8\" in Excel)";

    /// <summary>Whether the current row can be read; if not, it has been rejected.</summary>
    public static bool Usable(CsvTable table, ReadLedger ledger)
    {
        switch (table.Status)
        {
            case CsvRowStatus.Ok:
                return true;
            case CsvRowStatus.Blank:
                ledger.Reject(table.Line, "blank line: there is nothing to read on it", error: false, table.RawText());
                return false;
            case CsvRowStatus.FieldCount:
                var hint = table.Delimiter == ',' ? " (or a decimal comma in a comma-separated file)" : string.Empty;
                ledger.Reject(table.Line,
                    $"the row has {table.FieldCount} fields but the header has {table.Columns.Count}: a value probably contains the delimiter {table.DelimiterName} without quotes{hint}, or a value is missing. Quote such values, or check \"delimiter\"",
                    error: true,
                    table.RawText());
                return false;
            case CsvRowStatus.Encoding:
                ledger.Reject(table.Line, EncodingReason, error: true, table.RawText());
                return false;
            case CsvRowStatus.TooLong:
                ledger.Reject(table.Line, table.Problem!, error: true, table.RawText());
                return false;
            default:
                ledger.Reject(table.Line, table.Problem ?? "the line cannot be parsed as CSV", error: true, table.RawText());
                return false;
        }
    }
}
