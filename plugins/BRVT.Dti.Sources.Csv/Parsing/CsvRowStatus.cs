namespace BRVT.Dti.Sources.Csv.Parsing;

/// <summary>What a physical record of a CSV file turned out to be, before any of its values is read.</summary>
internal enum CsvRowStatus
{
    /// <summary>A record with as many fields as the header.</summary>
    Ok,

    /// <summary>An empty line.</summary>
    Blank,

    /// <summary>A record with more or fewer fields than the header.</summary>
    FieldCount,

    /// <summary>A record with bytes that are not valid UTF-8 (decoded as U+FFFD) or NUL characters.</summary>
    Encoding,

    /// <summary>A record longer than the source's <c>"maxRowChars"</c>; <see cref="CsvTable.Problem"/> says so.</summary>
    TooLong,

    /// <summary>A line that could not be parsed as CSV (broken quoting, a quote never closed, a truncated file); <see cref="CsvTable.Problem"/> says why.</summary>
    Malformed,
}
