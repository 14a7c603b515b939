using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Analysis;

/// <summary>
/// A run of whole lines of a matrix CSV, [start, end) of the file: counted first (lines, non-blank records), then read
/// again and parsed into its rows of the final columns.
/// </summary>
internal sealed class MatrixCsvChunk(int start, int end)
{
    /// <summary>Rows parsed before they are written to the columns.</summary>
    private const int BlockRows = 64;

    /// <summary>
    /// Whether lines are read with <see cref="Utf8DecimalVector"/>, eight numbers at a time (the default where the machine
    /// has AVX-512); otherwise one number at a time. Both give the same result; tests switch to compare them.
    /// </summary>
    internal static bool VectorNumbers { get; set; } = Utf8DecimalVector.IsSupported;

    public int Lines { get; private set; }

    public int Records { get; private set; }

    /// <summary>Whether the chunk has no quote and no carriage return other than before a line feed.</summary>
    public bool Simple { get; private set; } = true;

    public int FirstRow { get; set; }

    public int FirstLine { get; set; }

    public string? Error { get; private set; }

    public int ErrorRow { get; private set; } = int.MaxValue;

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line, char last) =>
        line.Length > 0 && line[^1] == (byte)last ? line[..^1] : line;

    public static bool Blank(ReadOnlySpan<byte> line) => Trim(line, '\r').IsEmpty;

    /// <summary>Where the line starting at <paramref name="at"/> ends: its line feed, or the end of the bytes.</summary>
    private static int LineEnd(ReadOnlySpan<byte> bytes, int at)
    {
        var newline = bytes[at..].IndexOf((byte)'\n');
        return newline < 0 ? bytes.Length : at + newline;
    }

    /// <summary>
    /// Counts the chunk's lines and records (non-blank lines) and checks that it is simple. Without quotes, carriage
    /// returns and blank lines, which is the common case, the count is that of its line feeds, found 64 bytes at a time.
    /// </summary>
    public void Count(MatrixCsvFile file)
    {
        var buffer = file.Read(start, end);
        try
        {
            Count(buffer.AsSpan(0, end - start));
        }
        finally
        {
            MatrixCsvFile.Return(buffer);
        }
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (bytes.IndexOfAny((byte)'"', (byte)'\r') < 0)
        {
            if (bytes[0] != (byte)'\n' && bytes.IndexOf("\n\n"u8) < 0)
            {
                Lines = Records = bytes.Count((byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);
                return;
            }
        }
        else
        {
            Simple = !bytes.Contains((byte)'"') && CarriageReturnsEndLines(bytes);
            if (!Simple)
            {
                // The whole file goes to ParseCsv: its lines need no count.
                return;
            }
        }

        var at = 0;
        while (at < bytes.Length)
        {
            var lineEnd = LineEnd(bytes, at);
            Lines++;
            Records += Blank(bytes[at..lineEnd]) ? 0 : 1;
            at = lineEnd + 1;
        }
    }

    /// <summary>The file line of a row of this chunk (for a repeated id found after parsing).</summary>
    public int LineOfRow(MatrixCsvFile file, int row)
    {
        var buffer = file.Read(start, end);
        try
        {
            var bytes = buffer.AsSpan(0, end - start);
            var (at, line, r) = (0, FirstLine, FirstRow);
            while (at < bytes.Length)
            {
                var lineEnd = LineEnd(bytes, at);
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
            MatrixCsvFile.Return(buffer);
        }
    }

    /// <summary>
    /// Parses the chunk's rows. Per row, the checks run in ParseCsv's order: the number of cells, the id, then the
    /// other cells left to right; the chunk stops at its first error.
    /// </summary>
    public void Parse(MatrixCsvFile file, MatrixCsvLayout layout, string[] ids, double[][] numbers, string?[][] texts)
    {
        var buffer = file.Read(start, end);
        try
        {
            Parse(buffer.AsSpan(0, end - start + MatrixCsvFile.Padding), end - start, layout, ids, numbers, texts);
        }
        finally
        {
            MatrixCsvFile.Return(buffer);
        }
    }

    /// <summary>The chunk's rows from <paramref name="data"/>: its <paramref name="length"/> bytes and <see cref="MatrixCsvFile.Padding"/> more.</summary>
    private void Parse(ReadOnlySpan<byte> data, int length, MatrixCsvLayout layout, string[] ids, double[][] numbers, string?[][] texts)
    {
        var bytes = data[..length];
        var (at, line, row) = (0, FirstLine, FirstRow);
        var vector = VectorNumbers ? new VectorLine(layout) : null;

        // Rows are parsed into a block (row by row), then written to the columns BlockRows at a time: one stream per
        // column instead of a hundred scattered stores per row. Eight more doubles let a row's last group of eight be
        // stored whole.
        var width = numbers.Length;
        var block = ArrayPool<double>.Shared.Rent((BlockRows * width) + 8);
        var (blockStart, filled) = (row, 0);
        try
        {
            while (at < bytes.Length)
            {
                var lineEnd = LineEnd(bytes, at);
                var text = Trim(bytes[at..lineEnd], '\r');
                if (text.IsEmpty)
                {
                    line++;
                    at = lineEnd + 1;
                    continue;
                }

                var simple = vector is not null
                    ? vector.TryParse(data, at, text.Length, block, filled, texts, row)
                    : TryParseLine(data, at, text.Length, layout, block, filled, texts, row);
                if (simple is not null)
                {
                    ids[row] = simple;
                }
                else if (!ParseGeneral(data, at, text, line, row, layout, block, filled, ids, texts))
                {
                    return;
                }

                row++;
                line++;
                at = lineEnd + 1;
                if (++filled == BlockRows)
                {
                    Flush(block, filled, numbers, blockStart);
                    (blockStart, filled) = (row, 0);
                }
            }
        }
        finally
        {
            // Rows parsed before an error are kept too (their values are never read: the load fails).
            Flush(block, filled, numbers, blockStart);
            ArrayPool<double>.Shared.Return(block);
        }
    }

    /// <summary>
    /// The general path for a line the one-pass reader declined, which also finds the line's first error in ParseCsv's
    /// order; false (the chunk stops) on an error.
    /// </summary>
    private bool ParseGeneral(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> text, int line, int row, MatrixCsvLayout layout, double[] block, int slot, string[] ids, string?[][] texts)
    {
        var roles = layout.Roles;
        Span<int> bounds = roles.Length < 512 ? stackalloc int[roles.Length + 1] : new int[roles.Length + 1];

        // Cell c is text[bounds[c]..(bounds[c + 1] − 1)].
        var cells = SplitCells(text, bounds);
        if (cells != roles.Length)
        {
            Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}: {cells} cells for {roles.Length} columns."));
            return false;
        }

        var id = CsvText.Text(Encoding.UTF8.GetString(text[bounds[layout.Id]..(bounds[layout.Id + 1] - 1)]));
        if (id is null)
        {
            Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}: the unit id is empty."));
            return false;
        }

        ids[row] = id;
        for (var column = 0; column < roles.Length; column++)
        {
            var role = roles[column];
            var from = bounds[column];
            var cell = text[from..(bounds[column + 1] - 1)];
            if (role >= 0)
            {
                // The padding makes eight bytes readable from any cell start.
                var word = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at + from, 8));
                if (!TryNumber(cell, word, out block[(slot * layout.Numeric.Length) + role]))
                {
                    Fail(row, string.Create(CultureInfo.InvariantCulture, $"Line {line}, column '{layout.Header[column]}': '{Encoding.UTF8.GetString(cell)}' is not a number."));
                    return false;
                }
            }
            else if (role != -1)
            {
                texts[-2 - role][row] = CsvText.Text(Encoding.UTF8.GetString(cell));
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a line of the chunk in one pass when every cell is as expected: its cells are found eight bytes at a
    /// time (a comma in the word read for the number anyway), the id is not empty and every number is read. Returns
    /// the unit id, or <see langword="null"/> for anything else (a cell too many or too few, an empty id, a cell
    /// that is not a number), which the general path then reads and reports exactly as before.
    /// </summary>
    private static string? TryParseLine(ReadOnlySpan<byte> data, int lineStart, int lineLength, MatrixCsvLayout layout, double[] block, int slot, string?[][] texts, int row)
    {
        var roles = layout.Roles;
        var (at, end) = (lineStart, lineStart + lineLength);
        string? id = null;
        for (var column = 0; column < roles.Length; column++)
        {
            // The padding makes eight bytes readable from any position up to the end of the chunk.
            var word = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at, 8));
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
                var comma = data.Slice(at, rest).IndexOf((byte)',');
                (length, last) = comma < 0 ? (rest, true) : (comma, false);
            }

            if (last != (column == roles.Length - 1))
            {
                return null;
            }

            var cell = data.Slice(at, length);
            var role = roles[column];
            if (role >= 0)
            {
                if (!TryNumber(cell, word, out block[(slot * layout.Numeric.Length) + role]))
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

    /// <summary>
    /// Reads a line with its numbers eight at a time: the cells are found 64 bytes at a time, then every group of eight
    /// numeric cells is read by <see cref="Utf8DecimalVector"/>; a cell it declines is read by <see cref="TryNumber"/>.
    /// Returns the unit id, or <see langword="null"/> (the general path reads and reports the line) as
    /// <see cref="TryParseLine"/> does. One per chunk: it holds the line's scratch.
    /// </summary>
    private sealed class VectorLine(MatrixCsvLayout layout)
    {
        /// <summary>Cell starts: room for a whole 64-byte block of commas past the expected cells (see <see cref="CellStarts"/>).</summary>
        private readonly int[] bounds = new int[layout.Roles.Length + 1 + 64];

        public string? TryParse(ReadOnlySpan<byte> data, int lineStart, int lineLength, double[] block, int slot, string?[][] texts, int row)
        {
            var text = data.Slice(lineStart, lineLength);
            if (CellStarts(text, bounds, layout.Roles.Length) != layout.Roles.Length)
            {
                return null;
            }

            var id = CsvText.Text(Encoding.UTF8.GetString(Cell(text, layout.Id)));
            if (id is null)
            {
                return null;
            }

            for (var a = 0; a < layout.Attributes.Length; a++)
            {
                texts[a][row] = CsvText.Text(Encoding.UTF8.GetString(Cell(text, layout.Attributes[a])));
            }

            // Every cell start is within the line, and the chunk's padding makes eight bytes readable from any of them;
            // the block has room for eight values past a row's last, so a row's groups are all stored whole.
            ref var line = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), lineStart);
            var numeric = layout.Numeric;
            var width = numeric.Length;
            ArgumentOutOfRangeException.ThrowIfLessThan(block.Length, ((slot + 1) * width) + 8);
            ref var values = ref block[slot * width];
            for (var n = 0; n < width; n += 8)
            {
                var count = Math.Min(8, width - n);
                ref var columns = ref numeric[n];
                Vector512<ulong> words, lengths;
                if (count == 8)
                {
                    words = Vector512.Create(
                        Word(ref line, ref columns, 0), Word(ref line, ref columns, 1), Word(ref line, ref columns, 2), Word(ref line, ref columns, 3),
                        Word(ref line, ref columns, 4), Word(ref line, ref columns, 5), Word(ref line, ref columns, 6), Word(ref line, ref columns, 7));
                    lengths = Vector512.Create(
                        Length(ref columns, 0), Length(ref columns, 1), Length(ref columns, 2), Length(ref columns, 3),
                        Length(ref columns, 4), Length(ref columns, 5), Length(ref columns, 6), Length(ref columns, 7));
                }
                else
                {
                    // The last, shorter group: lanes past the last column are empty (length 0, never read).
                    (words, lengths) = (Vector512<ulong>.Zero, Vector512<ulong>.Zero);
                    for (var k = 0; k < count; k++)
                    {
                        words = words.WithElement(k, Word(ref line, ref columns, k));
                        lengths = lengths.WithElement(k, Length(ref columns, k));
                    }
                }

                var read = Utf8DecimalVector.TryParseEight(words, lengths, out var parsed);
                parsed.StoreUnsafe(ref values, (nuint)n);
                if (read != 0xFF && !ReadDeclined(text, read, count, words, numeric.AsSpan(n, count), block.AsSpan((slot * width) + n, count)))
                {
                    return null;
                }
            }

            return id;
        }

        /// <summary>The lanes the vector reader declined, read by <see cref="TryNumber"/>; false when one is not a number.</summary>
        private bool ReadDeclined(ReadOnlySpan<byte> text, uint read, int count, Vector512<ulong> words, ReadOnlySpan<int> columns, Span<double> values)
        {
            for (var k = 0; k < count; k++)
            {
                if (((read >> k) & 1) == 0 && !TryNumber(Cell(text, columns[k]), words[k], out values[k]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The first eight bytes of a group's k-th cell.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong Word(ref byte line, ref int columns, int k) =>
            Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref line, bounds[Unsafe.Add(ref columns, k)]));

        /// <summary>The length of a group's k-th cell.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong Length(ref int columns, int k)
        {
            var column = Unsafe.Add(ref columns, k);
            return (ulong)(bounds[column + 1] - 1 - bounds[column]);
        }

        /// <summary>
        /// The start of every cell (bounds[c]) and one past the end of the last (bounds[cells] = length + 1); returns
        /// the number of cells, or more than <paramref name="expected"/> (stopping early) when there are more. Commas are
        /// found 64 bytes at a time and written without a check each: <paramref name="bounds"/> has room for 64 more
        /// than expected, and the count is checked after every 64 bytes.
        /// </summary>
        private static int CellStarts(ReadOnlySpan<byte> text, int[] bounds, int expected)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bounds.Length, expected + 1 + 64);
            ref var at = ref MemoryMarshal.GetArrayDataReference(bounds);
            ref var first = ref MemoryMarshal.GetReference(text);
            var comma = Vector512.Create((byte)',');
            var cells = 1;
            at = 0;
            var i = 0;
            for (; i <= text.Length - 64; i += 64)
            {
                var mask = Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)i), comma).ExtractMostSignificantBits();
                for (; mask != 0; mask &= mask - 1)
                {
                    Unsafe.Add(ref at, cells++) = i + BitOperations.TrailingZeroCount(mask) + 1;
                }

                if (cells > expected)
                {
                    return cells;
                }
            }

            if (i < text.Length && text.Length >= 64)
            {
                // The last bytes: the line's last 64, of which the bits already seen are shifted out.
                var mask = Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)(text.Length - 64)), comma).ExtractMostSignificantBits() >> (64 - (text.Length - i));
                for (; mask != 0; mask &= mask - 1)
                {
                    Unsafe.Add(ref at, cells++) = i + BitOperations.TrailingZeroCount(mask) + 1;
                }
            }
            else
            {
                for (; i < text.Length; i++)
                {
                    if (text[i] == (byte)',')
                    {
                        Unsafe.Add(ref at, cells++) = i + 1;
                        if (cells > expected)
                        {
                            return cells;
                        }
                    }
                }
            }

            if (cells <= expected)
            {
                Unsafe.Add(ref at, cells) = text.Length + 1;
            }

            return cells;
        }

        private ReadOnlySpan<byte> Cell(ReadOnlySpan<byte> text, int column) => text[bounds[column]..(bounds[column + 1] - 1)];
    }

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

    /// <summary>Writes the block's rows to the columns (see <see cref="BlockTranspose"/>).</summary>
    private static void Flush(double[] block, int rows, double[][] numbers, int firstRow) =>
        BlockTranspose.ToColumns(block, rows, numbers.Length, numbers, firstRow);

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
