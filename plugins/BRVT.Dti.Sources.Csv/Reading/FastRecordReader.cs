using System.Buffers;
using System.Text;
using System.Text.Unicode;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Settings;
using BRVT.Dti.Sources.Csv.Sources;
using Microsoft.Win32.SafeHandles;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// The fast reader of <c>csv-records</c>: the file is cut into chunks of whole lines (about 4 MB), chunks are parsed
/// and staged on the thread pool from their bytes (cells split at the delimiter, units resolved, plain decimals read
/// exactly with <see cref="Utf8Decimal"/>, then <see cref="RecordAggregator.Stage"/>), and the calling thread commits
/// the staged chunks to the aggregator in file order (<see cref="RecordAggregator.Commit"/>) while the next chunks are
/// parsed (<see cref="OrderedPipeline"/>), so every sum is taken in the order the general reader takes it and the result
/// is the same to the bit. Memory holds a window of a few chunks (twice the cores, plus one) at a time.
/// </summary>
/// <remarks>
/// <para>It takes files whose every row the general reader would find well formed: UTF-8 without quotes, NUL,
/// replacement or U+FFFF characters, no carriage return except before a line feed, no blank line and every row with
/// the header's number of fields, and no row longer in bytes than the source's <c>"maxRowChars"</c> (a UTF-8 row of at
/// most that many bytes has at most that many characters, so the general reader would not reject it as too long); and
/// sources without a period, date or record id column and without decimal commas,
/// whose fixed period (if any) is the one assessed. On anything else it declines before anything is published, and the
/// general reader reads the file.</para>
/// <para>A row whose unit or numbers it cannot read on the fast path (a name with accents, a spaced or worded number,
/// an unknown unit) is handed, in its turn, to the general reader's own checks, with the same messages.</para>
/// </remarks>
internal static class FastRecordReader
{
    private const int ChunkBytes = 4 << 20;

    /// <summary>Set in an async flow (tests) to read with the general reader only, for comparison.</summary>
    public static AsyncLocal<bool> Disabled { get; } = new();

    /// <summary>How many reads the fast reader completed (tests check that it was used).</summary>
    public static long Completed => Interlocked.Read(ref completed);

    private static long completed;

    /// <summary>Whether the source's settings allow the fast reader; the file may still make it decline.</summary>
    public static bool Eligible(RecordsSettings settings, CsvTable table, SourceReadRequest request) =>
        !Disabled.Value
        && !settings.File.DecimalComma
        && !settings.File.Columns.ContainsKey("period")
        && !settings.File.Columns.ContainsKey("date")
        && !settings.File.Columns.ContainsKey("id")
        && (settings.File.FixedPeriod is null || string.Equals(settings.File.FixedPeriod, request.Period, StringComparison.OrdinalIgnoreCase))
        && table.Delimiter < 128
        && table.Columns.Count > 1;

    /// <summary>Reads the file, or returns <see langword="null"/> when it is not simple enough (nothing is published then).</summary>
    public static SourceReadResult? TryRead(RecordsSettings settings, CsvTable table, SourceReadRequest request, Func<CsvRecordsSource.State> newState, CancellationToken cancellationToken)
    {
        var file = settings.File;
        using var handle = Open(file);
        if (handle is null)
        {
            return null;
        }

        var length = RandomAccess.GetLength(handle);
        var start = DataStart(handle, length, table.FirstDataLine);
        if (start < 0)
        {
            return null;
        }

        var state = newState();
        if (!state.FixedPeriodIsAssessed)
        {
            return null;
        }

        var layout = state.Layout;
        if (Chunks(handle, start, length, file.MaxRowChars) is not { } chunks)
        {
            return null;
        }

        var shape = new ChunkShape((byte)table.Delimiter, table.Columns.Count, layout.UnitColumn, layout.Required, state.Units, layout.Aggregator, file.MaxRowChars);
        using var ledger = new ReadLedger(file, request.Mode);
        var line = table.FirstDataLine;
        var window = (2 * Environment.ProcessorCount) + 1;
        var complete = OrderedPipeline.Run(
            chunks.Count,
            window,
            (c, stop) => Parse(handle, chunks[c], shape, stop),
            parsed => line = Consume(parsed, line, state, ledger, table),
            parsed => parsed.Return(),
            cancellationToken);
        if (!complete)
        {
            // A row the general reader would not take as it is: it reads the whole file (this ledger and its rejects
            // file are dropped unpublished).
            return null;
        }

        var result = CsvRecordsSource.Result(request, state, ledger);
        Interlocked.Increment(ref completed);
        return result;
    }

    private static SafeFileHandle? Open(CsvFileSettings file)
    {
        try
        {
            return File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The general reader reports it, as it always has.
            return null;
        }
    }

    /// <summary>The offset of the first data line (after a UTF-8 byte order mark and the header), or -1 to decline.</summary>
    private static long DataStart(SafeFileHandle handle, long length, long firstDataLine)
    {
        var window = (int)Math.Min(length, 1 << 20);
        var head = ArrayPool<byte>.Shared.Rent(Math.Max(4, window));
        try
        {
            var bytes = head.AsSpan(0, RandomAccess.Read(handle, head.AsSpan(0, window), 0));
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            {
                return -1;
            }

            var at = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

            // The header's lines: 1 + its line breaks, or the whole file when it has no line break at all.
            for (var l = 1L; l < Math.Max(2, firstDataLine); l++)
            {
                var newline = bytes[at..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return firstDataLine == 1 && window == length && !bytes[at..].Contains((byte)'"') && !bytes[at..].Contains((byte)'\r') ? length : -1;
                }

                var header = bytes.Slice(at, newline);
                if (header.Contains((byte)'"') || header.TrimEnd((byte)'\r').Contains((byte)'\r'))
                {
                    return -1;
                }

                at += newline + 1;
            }

            return at;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>
    /// Chunks of about <see cref="ChunkBytes"/> that begin at line starts (independent of the number of cores), or
    /// <see langword="null"/> (decline) when a line crossing a chunk's end is longer than <paramref name="maxRowChars"/>
    /// bytes, which also bounds every chunk's buffer.
    /// </summary>
    private static List<(long Start, long End)>? Chunks(SafeFileHandle handle, long start, long length, int maxRowChars)
    {
        var chunks = new List<(long, long)>();
        Span<byte> probe = stackalloc byte[4096];
        var at = start;
        while (at < length)
        {
            var end = Math.Min(length, at + ChunkBytes);
            while (end < length)
            {
                var read = RandomAccess.Read(handle, probe, end - 1);
                var newline = probe[..read].IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    end = end - 1 + newline + 1;
                    break;
                }

                end += read - 1;
                if (end - at > ChunkBytes + (long)maxRowChars + 2)
                {
                    return null;
                }
            }

            chunks.Add((at, Math.Min(end, length)));
            at = end;
        }

        return chunks;
    }

    /// <summary>Parses one chunk, or returns null when one of its rows is not simple.</summary>
    private static ParsedChunk? Parse(SafeFileHandle handle, (long Start, long End) chunk, ChunkShape shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var size = (int)(chunk.End - chunk.Start);
        var buffer = ArrayPool<byte>.Shared.Rent(size + 1 + ParsedChunk.Padding);
        try
        {
            var read = 0;
            while (read < size)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read, size - read), chunk.Start + read);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            var bytes = buffer.AsSpan(0, size);
            if (!Simple(bytes, out var carriageReturns))
            {
                return null;
            }

            // The last line of the file may have no line feed: it gets one, so that every line of the chunk ends with one.
            var length = size;
            if (bytes[^1] != (byte)'\n')
            {
                buffer[length++] = (byte)'\n';
            }

            var parsed = new ParsedChunk(shape, buffer.AsSpan(0, length).Count((byte)'\n'));
            if (!parsed.Fill(buffer.AsSpan(0, length + ParsedChunk.Padding), length, carriageReturns))
            {
                return Discard(parsed);
            }

            parsed.Stage();
            return parsed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ParsedChunk? Discard(ParsedChunk parsed)
    {
        parsed.Return();
        return null;
    }

    /// <summary>
    /// Whether a chunk's bytes are what the fast path reads: no quote or NUL, a carriage return only before a line feed
    /// (a lone one, even the file's last byte, is left to the general reader), and valid UTF-8 without replacement or
    /// U+FFFF characters (an ASCII chunk, the usual case, is checked in one pass).
    /// </summary>
    private static bool Simple(ReadOnlySpan<byte> bytes, out bool carriageReturns)
    {
        carriageReturns = false;
        for (var at = 0; ;)
        {
            var next = bytes[at..].IndexOfAny((byte)'"', (byte)0, (byte)'\r');
            if (next < 0)
            {
                break;
            }

            at += next;
            if (bytes[at] != (byte)'\r' || at + 1 >= bytes.Length || bytes[at + 1] != (byte)'\n')
            {
                return false;
            }

            carriageReturns = true;
            at += 2;
        }

        return Ascii.IsValid(bytes) || (Utf8.IsValid(bytes) && bytes.IndexOf("\uFFFD"u8) < 0 && bytes.IndexOf("\uFFFF"u8) < 0);
    }

    /// <summary>
    /// Adds a parsed chunk in file order: its staged runs of fast rows, and the handed-over rows between them one by
    /// one; then the fast rows' account per unit (lines only grow from chunk to chunk, so a unit's first line is the
    /// smallest and its last line the largest, whichever rows were added first).
    /// </summary>
    private static long Consume(ParsedChunk parsed, long line, CsvRecordsSource.State state, ReadLedger ledger, CsvTable table)
    {
        var aggregator = state.Layout.Aggregator;
        var run = 0;
        foreach (var (row, raw) in parsed.HandedOver.Append((parsed.Rows, string.Empty)))
        {
            for (; run < parsed.Runs.Count && parsed.Runs[run].Start < row; run++)
            {
                var batch = parsed.Runs[run].Batch;
                aggregator.Commit(batch);
                ledger.Accept(batch.Count);
            }

            if (row < parsed.Rows)
            {
                ReadHandedOver(raw, line + row, state, ledger, table);
            }
        }

        for (var unit = 0; unit < parsed.UnitRows.Length; unit++)
        {
            if (parsed.UnitRows[unit] == 0)
            {
                continue;
            }

            var (first, last) = (line + parsed.FirstRows[unit], line + parsed.LastRows[unit]);
            state.FirstLines[unit] = state.Counts[unit] == 0 ? first : Math.Min(state.FirstLines[unit], first);
            state.LastLines[unit] = Math.Max(state.LastLines[unit], last);
            state.Counts[unit] += parsed.UnitRows[unit];
        }

        return line + parsed.Rows;
    }

    /// <summary>
    /// A row of status Ok in a file without period, date or id column, read as CsvRecordsSource reads it: the unit,
    /// then the numbers of the required columns, each failure rejected with the general reader's message.
    /// </summary>
    private static void ReadHandedOver(string raw, long line, CsvRecordsSource.State state, ReadLedger ledger, CsvTable table)
    {
        var fields = raw.Split(table.Delimiter);
        var layout = state.Layout;
        var unit = state.Units.Resolve(fields[layout.UnitColumn], out var problem);
        var record = CsvTable.Cut(raw);
        if (unit < 0)
        {
            ledger.Reject(line, problem!, error: true, record);
            return;
        }

        var values = state.Values;
        foreach (var column in layout.Required)
        {
            if (!CsvValues.TryParse(fields[column], decimalComma: false, out values[column], out problem))
            {
                ledger.Reject(line, $"column {TextKey.Show(table.Columns[column])}: {problem}", error: true, record);
                return;
            }
        }

        layout.Aggregator.Add(unit, values);
        ledger.Accept();
        if (state.Counts[unit]++ == 0)
        {
            state.FirstLines[unit] = line;
        }

        state.LastLines[unit] = line;
    }
}
