using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    private const int MaxCellChars = 256;

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

        var shape = new Shape((byte)table.Delimiter, table.Columns.Count, layout.UnitColumn, layout.Required, state.Units, layout.Aggregator, file.MaxRowChars);
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
    private static Parsed? Parse(SafeFileHandle handle, (long Start, long End) chunk, Shape shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var size = (int)(chunk.End - chunk.Start);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
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
            if (bytes.IndexOfAny((byte)'"', (byte)0) >= 0 || !Utf8.IsValid(bytes) || bytes.IndexOf("\uFFFD"u8) >= 0 || bytes.IndexOf("\uFFFF"u8) >= 0 || !CarriageReturnsEndLines(bytes))
            {
                return null;
            }

            var parsed = new Parsed(shape, bytes.Count((byte)'\n') + 1);
            if (!parsed.Fill(bytes))
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

    private static Parsed? Discard(Parsed parsed)
    {
        parsed.Return();
        return null;
    }

    private static bool CarriageReturnsEndLines(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (true)
        {
            var r = bytes[at..].IndexOf((byte)'\r');
            if (r < 0)
            {
                return true;
            }

            at += r + 1;
            if (at >= bytes.Length || bytes[at] != (byte)'\n')
            {
                // A lone \r (even the file's last byte) is left to the general reader.
                return false;
            }
        }
    }

    /// <summary>Adds a parsed chunk in file order: its staged runs of fast rows, and the handed-over rows between them one by one.</summary>
    private static long Consume(Parsed parsed, long line, CsvRecordsSource.State state, ReadLedger ledger, CsvTable table)
    {
        var aggregator = state.Layout.Aggregator;
        var run = 0;
        foreach (var (row, raw) in parsed.HandedOver.Append((parsed.Rows, string.Empty)))
        {
            for (; run < parsed.Runs.Count && parsed.Runs[run].Start < row; run++)
            {
                var (from, batch) = parsed.Runs[run];
                aggregator.Commit(batch);
                ledger.Accept(batch.Count);
                var units = parsed.Units.AsSpan(from, batch.Count);
                for (var r = 0; r < units.Length; r++)
                {
                    var unit = units[r];
                    var at = line + from + r;
                    if (state.Counts[unit]++ == 0)
                    {
                        state.FirstLines[unit] = at;
                    }

                    state.LastLines[unit] = at;
                }
            }

            if (row < parsed.Rows)
            {
                ReadHandedOver(raw, line + row, state, ledger, table);
            }
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

    /// <summary>What every chunk needs to know: the delimiter, the number of fields, the unit and required columns.</summary>
    private sealed record Shape(byte Delimiter, int FieldCount, int UnitColumn, int[] Required, UnitResolver Units, RecordAggregator Aggregator, int MaxRowChars);

    /// <summary>
    /// One parsed chunk: per row the unit ordinal and the required fields' values (columns aligned with the file's
    /// fields, other columns null), and the rows handed over to the general checks, with their text.
    /// </summary>
    private sealed class Parsed
    {
        private readonly Shape shape;
        private readonly int capacity;
        private readonly Dictionary<ulong, int> known = [];

        public Parsed(Shape shape, int capacity)
        {
            this.shape = shape;
            this.capacity = capacity;
            Units = ArrayPool<int>.Shared.Rent(capacity);
            Columns = new double[]?[shape.FieldCount];
            foreach (var column in shape.Required)
            {
                Columns[column] = ArrayPool<double>.Shared.Rent(capacity);
            }
        }

        public int Rows { get; private set; }

        public int[] Units { get; }

        public double[]?[] Columns { get; }

        public List<(int Row, string Raw)> HandedOver { get; } = [];

        /// <summary>The runs of fast rows between handed-over rows, staged for the aggregator, in order.</summary>
        public List<(int Start, RecordBatch Batch)> Runs { get; } = [];

        /// <summary>Stages every run of fast rows (on the parsing thread): only the sums' additions are left for the commit.</summary>
        public void Stage()
        {
            var from = 0;
            foreach (var (row, _) in HandedOver.Append((Rows, string.Empty)))
            {
                if (row > from)
                {
                    Runs.Add((from, shape.Aggregator.Stage(Units.AsSpan(from, row - from), Columns, from)));
                }

                from = row + 1;
            }
        }

        /// <summary>
        /// Parses every line; false when one is blank or has another number of fields than the header. Delimiters and
        /// line feeds are found 64 bytes at a time: one pass over the chunk gives every cell's bounds.
        /// </summary>
        public bool Fill(ReadOnlySpan<byte> bytes)
        {
            Span<int> starts = stackalloc int[shape.FieldCount + 1];
            Span<char> chars = stackalloc char[MaxCellChars];
            var (rowStart, cells) = (0, 1);
            starts[0] = 0;
            var i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var (delimiter, newline) = (Vector512.Create(shape.Delimiter), Vector512.Create((byte)'\n'));
                ref var first = ref MemoryMarshal.GetReference(bytes);
                for (; i <= bytes.Length - Vector512<byte>.Count; i += Vector512<byte>.Count)
                {
                    var block = Vector512.LoadUnsafe(ref first, (nuint)i);
                    var ends = Vector512.Equals(block, newline).ExtractMostSignificantBits();
                    var marks = Vector512.Equals(block, delimiter).ExtractMostSignificantBits() | ends;
                    while (marks != 0)
                    {
                        var at = i + BitOperations.TrailingZeroCount(marks);
                        var bit = marks & (~marks + 1);
                        marks ^= bit;
                        if ((ends & bit) == 0)
                        {
                            if (cells < shape.FieldCount)
                            {
                                starts[cells] = at + 1 - rowStart;
                            }

                            cells++;
                            continue;
                        }

                        if (!Row(bytes[rowStart..at], starts, cells, chars))
                        {
                            return false;
                        }

                        (rowStart, cells) = (at + 1, 1);
                    }
                }
            }

            for (; i < bytes.Length; i++)
            {
                if (bytes[i] == shape.Delimiter)
                {
                    if (cells < shape.FieldCount)
                    {
                        starts[cells] = i + 1 - rowStart;
                    }

                    cells++;
                }
                else if (bytes[i] == (byte)'\n')
                {
                    if (!Row(bytes[rowStart..i], starts, cells, chars))
                    {
                        return false;
                    }

                    (rowStart, cells) = (i + 1, 1);
                }
            }

            // The last line, when the file does not end with a line feed.
            return (rowStart >= bytes.Length || Row(bytes[rowStart..], starts, cells, chars)) && Rows <= capacity;
        }

        /// <summary>One line (without its line feed) whose cell starts are known; false when it is not simple or longer than "maxRowChars" bytes.</summary>
        private bool Row(ReadOnlySpan<byte> line, Span<int> starts, int cells, Span<char> chars)
        {
            // A blank line has one field, fewer than the header's (at least two): the general reader reports it.
            if (cells != shape.FieldCount)
            {
                return false;
            }

            var text = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
            if (text.Length > shape.MaxRowChars)
            {
                // Longer in bytes than "maxRowChars": the general reader decides (by characters) whether it is too long.
                return false;
            }

            starts[cells] = text.Length + 1;
            var row = Rows++;
            if (!Read(text, starts, chars, row))
            {
                HandedOver.Add((row, Encoding.UTF8.GetString(text)));
                Units[row] = -1;
            }

            return true;
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Units);
            foreach (var column in Columns)
            {
                if (column is not null)
                {
                    ArrayPool<double>.Shared.Return(column);
                }
            }
        }

        /// <summary>The unit and the required numbers on the fast path; false to hand the row over.</summary>
        private bool Read(ReadOnlySpan<byte> text, ReadOnlySpan<int> starts, Span<char> chars, int row)
        {
            var cell = text[starts[shape.UnitColumn]..(starts[shape.UnitColumn + 1] - 1)];
            if (!UnitOf(cell, chars, out var unit))
            {
                return false;
            }

            foreach (var column in shape.Required)
            {
                var value = text[starts[column]..(starts[column + 1] - 1)];
                var target = Columns[column]!;
                if (value.Length == 1 && (uint)(value[0] - (byte)'0') <= 9)
                {
                    target[row] = value[0] - (byte)'0';
                }
                else if (value.Length == 2 && (uint)(value[0] - (byte)'0') <= 9 && (uint)(value[1] - (byte)'0') <= 9)
                {
                    target[row] = ((value[0] - (byte)'0') * 10) + (value[1] - (byte)'0');
                }
                else if (value.IsEmpty)
                {
                    target[row] = double.NaN;
                }
                else if (!Utf8Decimal.TryParse(value, out target[row]))
                {
                    return false;
                }
            }

            Units[row] = unit;
            return true;
        }

        /// <summary>
        /// The unit of an ASCII cell, remembered per chunk by the cell's bytes (up to seven) so that each distinct
        /// spelling is resolved once; false (hand the row over) when the resolver does not know it or the cell is not ASCII.
        /// </summary>
        private bool UnitOf(ReadOnlySpan<byte> cell, Span<char> chars, out int unit)
        {
            ulong key = 0;
            if (cell.Length <= 7)
            {
                cell.CopyTo(MemoryMarshal.AsBytes(new Span<ulong>(ref key)));
                key |= (ulong)(cell.Length + 1) << 56;
                if (known.TryGetValue(key, out unit))
                {
                    return unit >= 0;
                }
            }

            unit = -1;
            if (cell.Length <= MaxCellChars && Ascii.IsValid(cell))
            {
                // ASCII: one char per byte; the resolver's ASCII lookup only reads its tables, so chunks may share it.
                var name = chars[..cell.Length];
                Ascii.ToUtf16(cell, name, out _);
                unit = shape.Units.Resolve(name, out _);
            }

            if (key != 0)
            {
                known[key] = unit;
            }

            return unit >= 0;
        }
    }
}
