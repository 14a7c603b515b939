using System.Buffers;
using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;
using Sylvan.Data.Csv;

namespace BRVT.Dti.Sources.Csv.Parsing;

/// <summary>
/// A CSV file read record by record with Sylvan.Data.Csv, never whole: the header (parsed here, which also detects the
/// delimiter), then every physical record with its 1-based physical line number (the header is line 1; a record with
/// a quoted line break spans several lines), and a status that says whether it can be read at all. Nothing is
/// skipped: blank lines, lines with invalid UTF-8, lines with the wrong number of fields and lines whose quoting is
/// broken all come back as rows with their line, so the caller can reject them. After broken quoting the reader
/// starts again on the next physical line.
/// </summary>
/// <remarks>
/// Not thread-safe. Memory is bounded by the longest record, <see cref="CsvFileSettings.MaxRowChars"/> (setting
/// <c>"maxRowChars"</c>): a longer record comes back as <see cref="CsvRowStatus.TooLong"/> (or, when it does not even fit
/// the read buffer, as <see cref="CsvRowStatus.Malformed"/> with the same limit named, reading going on at the next
/// line); a longer header line is a <see cref="DataSourceException"/>.
/// </remarks>
internal sealed class CsvTable : IAsyncDisposable
{
    /// <summary>The default of <c>"maxRowChars"</c>: 4 Mi characters.</summary>
    public const int DefaultMaxRowChars = 1 << 22;

    /// <summary>The smallest <c>"maxRowChars"</c> accepted.</summary>
    public const int MinRowChars = 16;

    /// <summary>The largest <c>"maxRowChars"</c> accepted: 64 Mi characters (a read buffer of 128 MiB).</summary>
    public const int MaxRowCharsCeiling = 1 << 26;

    private const int BufferChars = 1 << 16;

    /// <summary>Room in the read buffer beyond the limit, so that a record of exactly the limit, its line ending and what follows fit.</summary>
    private const int BufferSlack = 1 << 12;
    private const int MaxResyncs = 100;
    private const int MaxRawChars = 4096;

    /// <summary>UTF-8 that replaces invalid bytes by U+FFFD (which the table then reports) instead of throwing mid-buffer.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly SearchValues<char> Specials = SearchValues.Create("\r\n\uFFFD\0");
    private static readonly SearchValues<char> BadChars = SearchValues.Create("\uFFFD\0");

    private readonly CsvFileSettings file;
    private readonly Queue<PendingRow> pending = new();
    private CsvDataReader? reader;
    private long nextLine;
    private bool held;
    private long heldLine;
    private CsvRowStatus heldStatus;
    private string? heldProblem;
    private bool finished;
    private int resyncs;
    private string? pendingRaw;

    private CsvTable(CsvFileSettings file, IReadOnlyList<string> columns, char delimiter, long firstDataLine)
    {
        this.file = file;
        Columns = columns;
        Delimiter = delimiter;
        nextLine = firstDataLine;
        FirstDataLine = firstDataLine;
    }

    /// <summary>The line number of the first row after the header (1 + the header's line breaks).</summary>
    public long FirstDataLine { get; }

    /// <summary>The header's column names, trimmed and NFC-normalised, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The delimiter used (configured or detected).</summary>
    public char Delimiter { get; }

    /// <summary>The physical line (1-based, the header being line 1) where the current row starts.</summary>
    public long Line { get; private set; }

    /// <summary>What the current row is.</summary>
    public CsvRowStatus Status { get; private set; }

    /// <summary>For a <see cref="CsvRowStatus.Malformed"/> row, why it could not be parsed.</summary>
    public string? Problem { get; private set; }

    /// <summary>The number of fields of the current row.</summary>
    public int FieldCount => pendingRaw is null && reader is not null ? reader.RowFieldCount : 0;

    /// <summary>The delimiter as the messages name it.</summary>
    public string DelimiterName => Delimiter switch { '\t' => "tab", _ => $"'{Delimiter}'" };

    /// <summary>Opens a file and reads its header.</summary>
    /// <exception cref="DataSourceException">The file cannot be opened, is empty, or its header cannot be read.</exception>
    /// <exception cref="DataSourceConfigurationException">The delimiter is "auto" and the header does not tell it.</exception>
    public static async ValueTask<CsvTable> OpenAsync(CsvFileSettings file, CancellationToken cancellationToken)
    {
        var text = OpenText(file);
        try
        {
            var header = await ReadHeaderAsync(file, text, cancellationToken).ConfigureAwait(false);
            var table = new CsvTable(file, header.Columns, header.Delimiter, header.FirstDataLine);
            await table.StartAsync(header.Buffer, header.End, header.Length - header.End, text, cancellationToken).ConfigureAwait(false);
            return table;
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column (names compared trimmed, NFC, ignoring case), or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of a column the settings map, or a configuration error naming the file, the column and the columns found.</summary>
    /// <exception cref="DataSourceConfigurationException">The column is not in the header, or is in it twice.</exception>
    public int Require(string column, string role, string pointer)
    {
        var index = IndexOf(column);
        if (index < 0)
        {
            throw new DataSourceConfigurationException(file.ConfigurationFile, pointer,
                $"{file.DisplayPath} has no column '{column}' (the {role} column). Columns found: {ColumnList()} (delimiter {DelimiterName}). Map \"{role}\" to one of them in \"mapping\", or correct the file's header.");
        }

        for (var j = index + 1; j < Columns.Count; j++)
        {
            if (string.Equals(Columns[j], column, StringComparison.OrdinalIgnoreCase))
            {
                throw new DataSourceConfigurationException(file.ConfigurationFile, pointer,
                    $"{file.DisplayPath} has the column '{column}' (the {role} column) twice, as columns {index + 1} and {j + 1}. Rename one of them in the file.");
            }
        }

        return index;
    }

    /// <summary>The header's columns, quoted and separated by commas, for messages.</summary>
    public string ColumnList() => Columns.Count == 0 ? "(none)" : string.Join(", ", Columns.Select(c => TextKey.Show(c)));

    /// <summary>A field of the current row (unquoted); only valid while <see cref="Status"/> is <see cref="CsvRowStatus.Ok"/>.</summary>
    public ReadOnlySpan<char> Field(int index) => reader!.GetFieldSpan(index);

    /// <summary>The current row's text as in the file (without its line ending, at most 4096 characters), for a rejects file.</summary>
    public string RawText()
    {
        if (pendingRaw is not null)
        {
            return pendingRaw;
        }

        var raw = reader!.GetRawRecordSpan().TrimEnd("\r\n");
        return raw.Length > MaxRawChars ? string.Concat(raw[..MaxRawChars], "…") : raw.ToString();
    }

    /// <summary>Moves to the next row.</summary>
    /// <returns>Whether there is one.</returns>
    /// <exception cref="DataSourceException">The file cannot be read any further (an I/O error, too many broken lines).</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (pending.TryDequeue(out var row))
            {
                Line = row.Line;
                Status = row.Status;
                Problem = row.Problem;
                pendingRaw = row.Raw;
                return true;
            }

            pendingRaw = null;
            Problem = null;
            if (held)
            {
                held = false;
                Line = heldLine;
                Status = heldStatus;
                Problem = heldProblem;
                return true;
            }

            if (finished || reader is null)
            {
                return false;
            }

            bool has;
            try
            {
                has = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException exception)
            {
                await ResyncAsync(exception, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                throw new DataSourceException(file.SourceName, $"{file.DisplayPath}:{nextLine.ToString(CultureInfo.InvariantCulture)}: the file could not be read further: {exception.Message}", exception);
            }

            if (!has)
            {
                finished = true;
                continue;
            }

            Classify(out var line, out var status, out var problem);
            if (pending.Count > 0)
            {
                held = true;
                heldLine = line;
                heldStatus = status;
                heldProblem = problem;
                continue;
            }

            Line = line;
            Status = status;
            Problem = problem;
            return true;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        reader?.Dispose();
        reader = null;
        return ValueTask.CompletedTask;
    }

    private void Classify(out long line, out CsvRowStatus status, out string? problem)
    {
        problem = null;
        var raw = reader!.GetRawRecordSpan();
        var breaks = 0;
        var bad = false;
        var offset = 0;
        while (true)
        {
            var i = raw[offset..].IndexOfAny(Specials);
            if (i < 0)
            {
                break;
            }

            offset += i;
            switch (raw[offset])
            {
                case '\n':
                    breaks++;
                    break;
                case '\r':
                    if (offset + 1 >= raw.Length || raw[offset + 1] != '\n')
                    {
                        breaks++;
                    }

                    break;
                default:
                    bad = true;
                    break;
            }

            offset++;
        }

        line = nextLine;
        nextLine += breaks;
        if (bad)
        {
            status = CsvRowStatus.Encoding;
        }
        else if (reader.RowFieldCount <= 1 && raw.TrimEnd("\r\n").Trim().IsEmpty)
        {
            status = CsvRowStatus.Blank;
        }
        else if (raw.TrimEnd("\r\n").Length > file.MaxRowChars)
        {
            status = CsvRowStatus.TooLong;
            problem = TooLongReason(raw.TrimEnd("\r\n").Length, file.MaxRowChars);
        }
        else
        {
            status = reader.RowFieldCount == Columns.Count ? CsvRowStatus.Ok : CsvRowStatus.FieldCount;
        }
    }

    /// <summary>Why a record of <paramref name="length"/> characters is rejected (the fast reader gives the same reason).</summary>
    public static string TooLongReason(int length, int maxRowChars) => string.Create(CultureInfo.InvariantCulture,
        $"the row is {length} characters long, over the limit of {maxRowChars} characters (setting \"maxRowChars\" of this source, default {DefaultMaxRowChars}). Shorten the row, or raise \"maxRowChars\" in sources.json if such rows are expected");

    private async ValueTask StartAsync(char[] prefix, int start, int length, TextReader text, CancellationToken cancellationToken)
    {
        if (length == 0 && text.Peek() < 0)
        {
            text.Dispose();
            finished = true;
            return;
        }

        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = Delimiter,
            Quote = '"',
            Escape = '"',
            // Sylvan skips lines starting with the comment character ('#' by default), which would lose rows silently.
            // U+FFFF is a noncharacter; should a line start with it anyway, the handler reports it as a rejected row.
            Comment = '\uFFFF',
            CommentHandler = (CommentHandler)OnComment,
            BufferSize = Math.Min(BufferChars, ReadBufferChars(file)),
            MaxBufferSize = ReadBufferChars(file),
            OwnsReader = true,
            Culture = CultureInfo.InvariantCulture,
        };
        var source = new PrefixedTextReader(prefix, start, length, text);
        try
        {
            reader = await CsvDataReader.CreateAsync(source, options, cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            source.Dispose();
            await ResyncAsync(exception, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private void OnComment(CsvDataReader sender, string comment)
    {
        var line = nextLine;
        nextLine += 1 + CountBreaks(comment);
        pending.Enqueue(new PendingRow(line, CsvRowStatus.Malformed,
            "the line starts with the noncharacter U+FFFF, which is not valid text in a CSV file. Remove it.",
            Cut(comment)));
    }

    /// <summary>
    /// After a record that cannot be parsed (broken quoting, a quote never closed): reports the line where the record
    /// starts and starts reading again on the next physical line.
    /// </summary>
    private async ValueTask ResyncAsync(CsvFormatException error, CancellationToken cancellationToken)
    {
        var line = nextLine;
        reader?.Dispose();
        reader = null;
        if (++resyncs > MaxResyncs)
        {
            throw new DataSourceException(file.SourceName,
                $"{file.DisplayPath}: more than {MaxResyncs} lines could not be parsed as CSV (the last at line {line.ToString(CultureInfo.InvariantCulture)}). Is it a CSV file with the delimiter {DelimiterName}, quoted with '\"'? Check \"delimiter\" and the file's quoting.",
                error);
        }

        var text = OpenText(file);
        try
        {
            var skipped = await SkipLinesAsync(text, line, cancellationToken).ConfigureAwait(false);
            string reason;
            if (error is CsvRecordTooLargeException)
            {
                reason = string.Create(CultureInfo.InvariantCulture,
                    $"the record starting on this line is longer than {file.MaxRowChars} characters, the limit (setting \"maxRowChars\" of this source, default {DefaultMaxRowChars}): a quote opened here is probably never closed, or the row is really that long. Close the quote (and double any quote inside a value: \"\"), or raise \"maxRowChars\" in sources.json; reading went on at the next line");
            }
            else if (skipped.AtEnd)
            {
                reason = "the file ends inside a quoted value that starts on this line: the file is truncated (cut off while it was copied or exported) or a quote is not closed. Export or copy the file again";
            }
            else if (error is CsvInvalidCharacterException { InvalidCharacter: '"' })
            {
                reason = "a quote opened on this line is never closed before the end of the file. Close the quote (and double any quote inside a value: \"\"); reading went on at the next line";
            }
            else
            {
                reason = $"the line cannot be parsed as CSV ({error.Message}) A value containing the delimiter, a quote or a line break must be quoted (\"…\") and a quote inside it doubled (\"\"); reading went on at the next line";
            }

            pending.Enqueue(new PendingRow(line, CsvRowStatus.Malformed, reason, skipped.Line));
            nextLine = line + 1;
            if (skipped.AtEnd)
            {
                text.Dispose();
                finished = true;
                return;
            }

            await StartAsync(skipped.Buffer, skipped.Start, skipped.Length, text, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    private static StreamReader OpenText(CsvFileSettings file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferChars, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException(file.SourceName,
                $"{file.DisplayPath}: the file cannot be opened: {exception.Message} Check \"path\" in {file.ConfigurationFile} at {file.Pointer}.",
                exception);
        }

        return new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, BufferChars, leaveOpen: false);
    }

    private static async ValueTask<Header> ReadHeaderAsync(CsvFileSettings file, TextReader text, CancellationToken cancellationToken)
    {
        var buffer = new char[BufferChars];
        var length = 0;
        var scanned = 0;
        var inQuote = false;
        var end = -1;
        var eof = false;
        while (end < 0)
        {
            if (length == buffer.Length)
            {
                if (length > file.MaxRowChars + 2)
                {
                    throw HeaderTooLong(file);
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            if (!eof)
            {
                int read;
                try
                {
                    read = await text.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                }
                catch (IOException exception)
                {
                    throw new DataSourceException(file.SourceName, $"{file.DisplayPath}:1: the file could not be read: {exception.Message}", exception);
                }

                eof = read == 0;
                length += read;
            }

            for (; scanned < length; scanned++)
            {
                var c = buffer[scanned];
                if (c == '"')
                {
                    inQuote = !inQuote;
                }
                else if (!inQuote && c == '\n')
                {
                    end = scanned + 1;
                    break;
                }
                else if (!inQuote && c == '\r')
                {
                    if (scanned + 1 < length)
                    {
                        end = buffer[scanned + 1] == '\n' ? scanned + 2 : scanned + 1;
                        break;
                    }

                    if (eof)
                    {
                        end = scanned + 1;
                        break;
                    }

                    // Wait for the next character to know whether this is \r\n.
                    break;
                }
            }

            if (end < 0 && eof)
            {
                if (length == 0)
                {
                    throw new DataSourceException(file.SourceName,
                        $"{file.DisplayPath} is empty. Write a header line with the column names, then one row per line.", null);
                }

                if (inQuote)
                {
                    throw new DataSourceException(file.SourceName,
                        $"{file.DisplayPath}:1: a quote in the header line is never closed. Correct the first line of the file.", null);
                }

                end = length;
            }
        }

        var headerText = buffer.AsSpan(0, end);
        if (headerText.TrimEnd("\r\n").Length > file.MaxRowChars)
        {
            throw HeaderTooLong(file);
        }

        if (headerText.IndexOfAny(BadChars) >= 0)
        {
            throw new DataSourceException(file.SourceName,
                $"{file.DisplayPath}:1: the header line contains bytes that are not valid UTF-8 (or NUL characters): the file is probably saved in another encoding (Windows-1258, TCVN3, VNI, UTF-16 without a byte order mark). Save it as UTF-8 (\"CSV UTF-8\" in Excel).",
                null);
        }

        var delimiter = file.Delimiter ?? DetectDelimiter(file, headerText);
        var columns = SplitHeader(headerText.TrimEnd("\r\n"), delimiter);
        return new Header(columns, delimiter, 1 + CountBreaks(headerText), buffer, end, length);
    }

    private static DataSourceException HeaderTooLong(CsvFileSettings file) => new(file.SourceName, string.Create(CultureInfo.InvariantCulture,
        $"{file.DisplayPath}:1: the header line is longer than {file.MaxRowChars} characters, the limit (setting \"maxRowChars\" of this source in {file.ConfigurationFile} at {file.Pointer}, default {DefaultMaxRowChars}), or a quote in it is never closed. Check the first line of the file, or raise \"maxRowChars\"."),
        null);

    /// <summary>The read buffer: a record of the limit, its line ending and some slack must fit.</summary>
    private static int ReadBufferChars(CsvFileSettings file) => Math.Max(BufferChars, file.MaxRowChars + BufferSlack);

    private static char DetectDelimiter(CsvFileSettings file, ReadOnlySpan<char> header)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuote = false;
        foreach (var c in header)
        {
            switch (c)
            {
                case '"': inQuote = !inQuote; break;
                case ',' when !inQuote: commas++; break;
                case ';' when !inQuote: semicolons++; break;
                case '\t' when !inQuote: tabs++; break;
            }
        }

        var best = Math.Max(commas, Math.Max(semicolons, tabs));
        if (best == 0)
        {
            return ',';
        }

        var winners = (commas == best ? 1 : 0) + (semicolons == best ? 1 : 0) + (tabs == best ? 1 : 0);
        if (winners > 1)
        {
            throw new DataSourceConfigurationException(file.ConfigurationFile, $"{file.Pointer}/delimiter",
                $"The delimiter of {file.DisplayPath} cannot be told from its header line ({commas} ',', {semicolons} ';', {tabs} tabs outside quotes). Set \"delimiter\" to \",\", \";\" or \"tab\".");
        }

        return commas == best ? ',' : semicolons == best ? ';' : '\t';
    }

    private static string[] SplitHeader(ReadOnlySpan<char> header, char delimiter)
    {
        var columns = new List<string>();
        var field = new StringBuilder();
        var inQuote = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '"')
            {
                if (inQuote && i + 1 < header.Length && header[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuote = !inQuote;
                }
            }
            else if (c == delimiter && !inQuote)
            {
                columns.Add(TextKey.Normalize(field.ToString()));
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        columns.Add(TextKey.Normalize(field.ToString()));
        return [.. columns];
    }

    /// <summary>Reads past <paramref name="lines"/> physical lines, keeping the text of the last one.</summary>
    private static async ValueTask<Skipped> SkipLinesAsync(TextReader text, long lines, CancellationToken cancellationToken)
    {
        var buffer = new char[BufferChars];
        var count = 0L;
        var last = new StringBuilder();
        var pendingCr = false;
        while (true)
        {
            var read = await text.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new Skipped(buffer, 0, 0, Cut(last.ToString()), AtEnd: true);
            }

            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    // A \r ended a line (counted already); a \n right after it belongs to the same line ending.
                    pendingCr = false;
                    if (c == '\n')
                    {
                        if (count == lines)
                        {
                            return Rest(text, buffer, i + 1, read, last);
                        }

                        continue;
                    }

                    if (count == lines)
                    {
                        return Rest(text, buffer, i, read, last);
                    }
                }

                if (c == '\n')
                {
                    if (++count == lines)
                    {
                        return Rest(text, buffer, i + 1, read, last);
                    }
                }
                else if (c == '\r')
                {
                    count++;
                    pendingCr = true;
                }
                else if (count == lines - 1 && last.Length <= MaxRawChars)
                {
                    last.Append(c);
                }
            }
        }
    }

    private static Skipped Rest(TextReader text, char[] buffer, int start, int read, StringBuilder last) =>
        new(buffer, start, read - start, Cut(last.ToString()), AtEnd: start >= read && text.Peek() < 0);

    private static int CountBreaks(ReadOnlySpan<char> text)
    {
        var breaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }

    /// <summary>A rejected row's text as reports show it: at most <see cref="MaxRawChars"/> characters, then an ellipsis.</summary>
    public static string Cut(string text) => text.Length > MaxRawChars ? string.Concat(text.AsSpan(0, MaxRawChars), "…") : text;

    private readonly record struct PendingRow(long Line, CsvRowStatus Status, string Problem, string Raw);

    private sealed record Header(string[] Columns, char Delimiter, long FirstDataLine, char[] Buffer, int End, int Length);

    private sealed record Skipped(char[] Buffer, int Start, int Length, string Line, bool AtEnd);
}
