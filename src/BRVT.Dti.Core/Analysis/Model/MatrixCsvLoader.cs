using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BRVT.Dti.Sources;
using Microsoft.Win32.SafeHandles;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Loads a large CSV table of unit rows (the <see cref="IndicatorMatrix.ParseCsv"/> layout) straight from the bytes of
/// the file: cut into chunks of whole lines, each chunk read with a positional read into a pooled buffer and counted,
/// then read again and parsed in parallel into the final columns (each chunk knows its first row). Numbers of up to
/// eight digits are read eight bytes at a time (SWAR); longer plain decimals by a digit loop; anything else by the
/// general parser. The result, and every error message, is what <see cref="IndicatorMatrix.ParseCsv"/> gives for the
/// same text; files it cannot read that way (quotes, a carriage return inside a line, a UTF-16 or UTF-32 byte order
/// mark) go to that parser.
/// </summary>
internal static class MatrixCsvLoader
{
    private const int TargetChunkBytes = 8 << 20;

    /// <summary>Bytes readable past the end of every buffer, so that a cell's first eight bytes can always be loaded.</summary>
    private const int Padding = 8;

    /// <summary>Rows parsed before they are written to the columns.</summary>
    private const int BlockRows = 64;

    public static IndicatorMatrix Load(string path, string unitIdColumn, IReadOnlyList<string> attributeColumns, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length == 0 || length > int.MaxValue - (1 << 20))
        {
            // Empty files get ParseCsv's message; files near 2 GiB are beyond int offsets (and beyond a sensible matrix).
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        var file = new Source(handle, (int)length);
        Span<byte> mark = stackalloc byte[4];
        var marked = file.Peek(mark);
        if (marked.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || marked.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || marked.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        // The header: the first line that is not blank (after a UTF-8 byte order mark).
        var start = marked.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var headerLine = 1;
        string[] header;
        while (true)
        {
            var (line, end) = file.ReadLine(start);
            if (!Blank(line))
            {
                if (line.Contains((byte)'"') || Trim(line, '\r').Contains((byte)'\r'))
                {
                    return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
                }

                header = Encoding.UTF8.GetString(Trim(line, '\r')).Split(',').Select(h => h.Trim()).ToArray();
                start = Math.Min(end + 1, file.Length);
                break;
            }

            if (end >= file.Length)
            {
                throw new FormatException("The CSV text is empty.");
            }

            start = end + 1;
            headerLine++;
        }

        var layout = Layout.Of(header, unitIdColumn, attributeColumns);

        // Chunks of whole lines: each is read and counted (lines, non-blank records), then read again and parsed into
        // its rows of the final columns.
        var chunks = file.Chunks(start, maxDegreeOfParallelism);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, chunks.Length, parallel, c => chunks[c].Count(file));
        if (chunks.Any(c => !c.Simple))
        {
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        int rows = 0, firstLine = headerLine + 1;
        foreach (var chunk in chunks)
        {
            (chunk.FirstRow, chunk.FirstLine) = (rows, firstLine);
            rows += chunk.Records;
            firstLine += chunk.Lines;
        }

        var ids = new string[rows];
        // Every row of every column is written by its chunk before the matrix is returned (a failed load throws), so the
        // columns skip the clearing that fresh arrays get: 800 MB for a million units × 100 indicators.
        var numbers = layout.Numeric.Select(_ => GC.AllocateUninitializedArray<double>(rows)).ToArray();
        var texts = layout.Attributes.Select(_ => new string?[rows]).ToArray();
        Parallel.For(0, chunks.Length, parallel, c => chunks[c].Parse(file, layout, ids, numbers, texts));

        // A row that failed after its id was read (a bad number) is checked for a repeated id first, as ParseCsv does;
        // the first error in row order wins.
        var failed = chunks.Where(c => c.Error is not null).MinBy(c => c.ErrorRow);
        var lastRow = failed is null ? rows : Math.Min(rows, failed.ErrorRow + 1);
        var index = new Dictionary<string, int>(lastRow, StringComparer.Ordinal);
        for (var r = 0; r < lastRow; r++)
        {
            if (ids[r] is not null && !index.TryAdd(ids[r], r))
            {
                var chunk = chunks.Last(c => c.FirstRow <= r);
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {chunk.LineOfRow(file, r)}: unit id '{ids[r]}' repeats."));
            }
        }

        if (failed is not null)
        {
            throw new FormatException(failed.Error);
        }

        return new IndicatorMatrix(ids, [.. layout.Numeric.Select(i => header[i])], numbers, [.. attributeColumns], texts, index);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line, char last) =>
        line.Length > 0 && line[^1] == (byte)last ? line[..^1] : line;

    private static bool Blank(ReadOnlySpan<byte> line) => Trim(line, '\r').IsEmpty;

    /// <summary>
    /// Reads one numeric cell as ParseCsv does (missing markers, invariant culture, Unicode trimming).
    /// <paramref name="word"/> holds the cell's first eight bytes (and whatever follows it).
    /// </summary>
    private static bool TryNumber(ReadOnlySpan<byte> cell, ulong word, out double value)
    {
        if (cell.IsEmpty)
        {
            value = double.NaN;
            return true;
        }

        if (Utf8Decimal.TryParseEight(cell.Length, word, out value) || Utf8Decimal.TryParseLong(cell, out value))
        {
            return true;
        }

        return CsvText.TryNumber(Encoding.UTF8.GetString(cell), out value);
    }

    /// <summary>
    /// The start of every cell of a line (bounds[c]), and one past the end of the last (bounds[cells] = length + 1), for
    /// as many cells as <paramref name="bounds"/> has room; returns the number of cells (commas + 1). Commas are found
    /// 64 bytes at a time.
    /// </summary>
    private static int SplitCells(ReadOnlySpan<byte> text, Span<int> bounds)
    {
        var room = bounds.Length - 1;
        var cells = 1;
        bounds[0] = 0;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var comma = Vector512.Create((byte)',');
            ref var first = ref MemoryMarshal.GetReference(text);
            for (; i <= text.Length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                var mask = Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)i), comma).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    if (cells <= room)
                    {
                        bounds[cells] = i + BitOperations.TrailingZeroCount(mask) + 1;
                    }

                    cells++;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == (byte)',')
            {
                if (cells <= room)
                {
                    bounds[cells] = i + 1;
                }

                cells++;
            }
        }

        if (cells <= room)
        {
            bounds[cells] = text.Length + 1;
        }

        return cells;
    }

    /// <summary>Which column is the id, which are attributes (and which attribute), which are numbers (and which).</summary>
    private sealed class Layout
    {
        private Layout(int columns) => Roles = new int[columns];

        public int Id { get; private set; }

        /// <summary>Per column: -1 the id, -2 - a attribute a, n ≥ 0 numeric column n.</summary>
        public int[] Roles { get; }

        public int[] Numeric { get; private set; } = [];

        public int[] Attributes { get; private set; } = [];

        public static Layout Of(string[] header, string unitIdColumn, IReadOnlyList<string> attributeColumns)
        {
            var id = Array.IndexOf(header, unitIdColumn);
            if (id < 0)
            {
                throw new FormatException($"The header has no unit id column '{unitIdColumn}'.");
            }

            var attributes = new int[attributeColumns.Count];
            for (var a = 0; a < attributes.Length; a++)
            {
                attributes[a] = Array.IndexOf(header, attributeColumns[a]);
                if (attributes[a] < 0)
                {
                    throw new FormatException($"The header has no attribute column '{attributeColumns[a]}'.");
                }
            }

            var layout = new Layout(header.Length) { Id = id, Attributes = attributes };
            layout.Numeric = [.. Enumerable.Range(0, header.Length).Where(i => i != id && !attributes.Contains(i))];
            Array.Fill(layout.Roles, int.MinValue);
            for (var n = 0; n < layout.Numeric.Length; n++)
            {
                layout.Roles[layout.Numeric[n]] = n;
            }

            for (var a = attributes.Length - 1; a >= 0; a--)
            {
                layout.Roles[attributes[a]] = -2 - a;
            }

            layout.Roles[id] = -1;
            layout.Header = header;
            return layout;
        }

        public string[] Header { get; private set; } = [];
    }

    /// <summary>The file: its handle and length, read with positional reads (thread-safe).</summary>
    private sealed class Source(SafeFileHandle handle, int length)
    {
        public int Length => length;

        /// <summary>The file's first bytes (for byte order marks).</summary>
        public ReadOnlySpan<byte> Peek(Span<byte> buffer) => buffer[..RandomAccess.Read(handle, buffer, 0)];

        /// <summary>Reads [start, end) into a pooled buffer with <see cref="Padding"/> zero bytes after it.</summary>
        public byte[] Read(int start, int end)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(end - start + Padding);
            var read = 0;
            while (read < end - start)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read, end - start - read), start + read);
                if (n == 0)
                {
                    throw new IOException("The file became shorter while it was read.");
                }

                read += n;
            }

            buffer.AsSpan(end - start, Padding).Clear();
            return buffer;
        }

        /// <summary>The line starting at <paramref name="start"/> (without its '\n') and the position of its end.</summary>
        public (byte[] Line, int End) ReadLine(int start)
        {
            var window = 1 << 16;
            while (true)
            {
                var end = (int)Math.Min(length, (long)start + window);
                var buffer = Read(start, end);
                try
                {
                    var newline = buffer.AsSpan(0, end - start).IndexOf((byte)'\n');
                    if (newline >= 0 || end == length)
                    {
                        var lineEnd = newline >= 0 ? start + newline : length;
                        return (buffer.AsSpan(0, lineEnd - start).ToArray(), lineEnd);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                window *= 4;
            }
        }

        /// <summary>Cuts [start, length) into chunks that begin at line starts (about 8 MB each, at least four per thread).</summary>
        public Chunk[] Chunks(int start, int maxDegreeOfParallelism)
        {
            var size = length - start;
            var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
            var count = Math.Max(1, Math.Max(threads * 4, size / TargetChunkBytes));
            var starts = new List<int> { start };
            for (var c = 1; c < count; c++)
            {
                var nominal = start + (int)((long)size * c / count);
                if (nominal <= starts[^1])
                {
                    continue;
                }

                var (_, end) = ReadLine(nominal - 1);
                if (end + 1 < length && end + 1 > starts[^1])
                {
                    starts.Add(end + 1);
                }
            }

            starts.Add(length);
            return [.. starts.Zip(starts.Skip(1), (a, b) => new Chunk(a, b))];
        }
    }

    /// <summary>A run of whole lines, [start, end) of the file.</summary>
    private sealed class Chunk(int start, int end)
    {
        public int Lines { get; private set; }

        public int Records { get; private set; }

        /// <summary>Whether the chunk has no quote and no carriage return other than before a line feed.</summary>
        public bool Simple { get; private set; } = true;

        public int FirstRow { get; set; }

        public int FirstLine { get; set; }

        public string? Error { get; private set; }

        public int ErrorRow { get; private set; } = int.MaxValue;

        public void Count(Source file)
        {
            var buffer = file.Read(start, end);
            try
            {
                var bytes = buffer.AsSpan(0, end - start);
                Simple = !bytes.Contains((byte)'"') && CarriageReturnsEndLines(bytes);
                var at = 0;
                while (at < bytes.Length)
                {
                    var newline = bytes[at..].IndexOf((byte)'\n');
                    var lineEnd = newline < 0 ? bytes.Length : at + newline;
                    Lines++;
                    Records += Blank(bytes[at..lineEnd]) ? 0 : 1;
                    at = lineEnd + 1;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The file line of a row of this chunk (for a repeated id found after parsing).</summary>
        public int LineOfRow(Source file, int row)
        {
            var buffer = file.Read(start, end);
            try
            {
                var bytes = buffer.AsSpan(0, end - start);
                var (at, line, r) = (0, FirstLine, FirstRow);
                while (at < bytes.Length)
                {
                    var newline = bytes[at..].IndexOf((byte)'\n');
                    var lineEnd = newline < 0 ? bytes.Length : at + newline;
                    if (!Blank(bytes[at..lineEnd]))
                    {
                        if (r == row)
                        {
                            return line;
                        }

                        r++;
                    }

                    line++;
                    at = lineEnd + 1;
                }

                return line;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>
        /// Parses the chunk's rows. Per row, the checks run in ParseCsv's order: the number of cells, the id, then the
        /// other cells left to right; the chunk stops at its first error.
        /// </summary>
        public void Parse(Source file, Layout layout, string[] ids, double[][] numbers, string?[][] texts)
        {
            var buffer = file.Read(start, end);
            try
            {
                Parse(buffer, end - start, layout, ids, numbers, texts);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Parse(byte[] buffer, int length, Layout layout, string[] ids, double[][] numbers, string?[][] texts)
        {
            var bytes = buffer.AsSpan(0, length);
            var (at, line, row) = (0, FirstLine, FirstRow);
            var roles = layout.Roles;
            var bounds = new int[roles.Length + 1];

            // Rows are parsed into a block (row-major), then written to the columns BlockRows at a time: one stream per
            // column instead of a hundred scattered stores per row.
            var width = numbers.Length;
            var block = ArrayPool<double>.Shared.Rent(Math.Max(1, BlockRows * width));
            var (blockStart, filled) = (row, 0);
            try
            {
                while (at < bytes.Length)
                {
                    var newline = bytes[at..].IndexOf((byte)'\n');
                    var lineEnd = newline < 0 ? bytes.Length : at + newline;
                    var text = Trim(bytes[at..lineEnd], '\r');
                    if (text.IsEmpty)
                    {
                        line++;
                        at = lineEnd + 1;
                        continue;
                    }

                    var values = block.AsSpan(filled * width, width);
                    if (TryParseLine(buffer, at, text.Length, layout, values, texts, row) is { } simple)
                    {
                        ids[row] = simple;
                    }
                    else
                    {
                        // The general path, which also finds the line's first error in ParseCsv's order.
                        // Cell c is text[bounds[c]..(bounds[c + 1] − 1)].
                        var cells = SplitCells(text, bounds);
                        if (cells != roles.Length)
                        {
                            Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}: {cells} cells for {roles.Length} columns."));
                            return;
                        }

                        var id = CsvText.Text(Encoding.UTF8.GetString(text[bounds[layout.Id]..(bounds[layout.Id + 1] - 1)]));
                        if (id is null)
                        {
                            Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}: the unit id is empty."));
                            return;
                        }

                        ids[row] = id;
                        for (var column = 0; column < roles.Length; column++)
                        {
                            var role = roles[column];
                            var from = bounds[column];
                            var cell = text[from..(bounds[column + 1] - 1)];
                            if (role >= 0)
                            {
                                // The buffer's padding makes eight bytes readable from any cell start.
                                var word = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at + from, 8));
                                if (!TryNumber(cell, word, out values[role]))
                                {
                                    Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}, column '{layout.Header[column]}': '{Encoding.UTF8.GetString(cell)}' is not a number."));
                                    return;
                                }
                            }
                            else if (role != -1)
                            {
                                texts[-2 - role][row] = CsvText.Text(Encoding.UTF8.GetString(cell));
                            }
                        }
                    }

                    row++;
                    line++;
                    at = lineEnd + 1;
                    if (++filled == BlockRows)
                    {
                        Flush(block, filled, width, numbers, blockStart);
                        (blockStart, filled) = (row, 0);
                    }
                }
            }
            finally
            {
                // Rows parsed before an error are kept too (their values are never read: the load fails).
                Flush(block, filled, width, numbers, blockStart);
                ArrayPool<double>.Shared.Return(block);
            }
        }

        /// <summary>
        /// Reads a line of the chunk in one pass when every cell is as expected: its cells are found eight bytes at a
        /// time (a comma in the word read for the number anyway), the id is not empty and every number is read. Returns
        /// the unit id, or <see langword="null"/> for anything else (a cell too many or too few, an empty id, a cell
        /// that is not a number), which the general path then reads and reports exactly as before.
        /// </summary>
        private static string? TryParseLine(byte[] buffer, int lineStart, int lineLength, Layout layout, Span<double> values, string?[][] texts, int row)
        {
            var roles = layout.Roles;
            var (at, end) = (lineStart, lineStart + lineLength);
            string? id = null;
            for (var column = 0; column < roles.Length; column++)
            {
                // The buffer's padding makes eight bytes readable from any position up to the end of the chunk.
                var word = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at, 8));
                var x = word ^ 0x2C2C2C2C2C2C2C2CUL;
                var commas = (x - 0x0101010101010101UL) & ~x & 0x8080808080808080UL;
                var rest = end - at;
                var length = commas == 0 ? 8 : BitOperations.TrailingZeroCount(commas) >> 3;
                bool last;
                if (length < rest)
                {
                    last = false;
                }
                else if (rest <= 8)
                {
                    (length, last) = (rest, true);
                }
                else
                {
                    var comma = buffer.AsSpan(at, rest).IndexOf((byte)',');
                    (length, last) = comma < 0 ? (rest, true) : (comma, false);
                }

                if (last != (column == roles.Length - 1))
                {
                    return null;
                }

                var cell = buffer.AsSpan(at, length);
                var role = roles[column];
                if (role >= 0)
                {
                    if (!TryNumber(cell, word, out values[role]))
                    {
                        return null;
                    }
                }
                else if (role == -1)
                {
                    id = CsvText.Text(Encoding.UTF8.GetString(cell));
                    if (id is null)
                    {
                        return null;
                    }
                }
                else
                {
                    texts[-2 - role][row] = CsvText.Text(Encoding.UTF8.GetString(cell));
                }

                at += length + 1;
            }

            return id;
        }

        private static void Flush(double[] block, int rows, int width, double[][] numbers, int firstRow)
        {
            if (rows == 0)
            {
                return;
            }

            // Rows × width doubles of the block are read with a stride of width: bounds were checked once here.
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows * width, block.Length);
            ref var source = ref MemoryMarshal.GetArrayDataReference(block);
            for (var n = 0; n < width; n++)
            {
                var column = numbers[n].AsSpan(firstRow, rows);
                ref var target = ref MemoryMarshal.GetReference(column);
                ref var from = ref Unsafe.Add(ref source, n);
                for (var r = 0; r < rows; r++)
                {
                    Unsafe.Add(ref target, r) = Unsafe.Add(ref from, r * width);
                }
            }
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
                if (at < bytes.Length && bytes[at] != (byte)'\n')
                {
                    return false;
                }
            }
        }

        private void Fail(int row, string message) => (ErrorRow, Error) = (row, message);
    }
}
