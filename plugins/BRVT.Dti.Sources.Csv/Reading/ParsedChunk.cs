using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>What every chunk needs to know: the delimiter, the number of fields, the unit and required columns.</summary>
internal sealed record ChunkShape(byte Delimiter, int FieldCount, int UnitColumn, int[] Required, UnitResolver Units, RecordAggregator Aggregator, int MaxRowChars);

/// <summary>
/// One chunk of the fast reader, parsed: per row the unit ordinal and the required fields' values (columns aligned with
/// the file's fields, other columns null), the rows handed over to the general checks with their text, and per unit how
/// many fast rows name it and the first and last of them, so that the commit keeps the lines' account per unit.
/// </summary>
internal sealed class ParsedChunk
{
    /// <summary>Readable bytes that <see cref="Fill"/> needs after a chunk's data (a cell's first 8 bytes are read at once).</summary>
    public const int Padding = 16;

    private const int MaxCellChars = 256;

    /// <summary>Bytes whose marks are listed before their lines are read (the list stays in the first cache level).</summary>
    private const int Window = 4096;

    private readonly ChunkShape shape;
    private readonly int capacity;
    private readonly int[] required;
    private readonly double[][] targets;
    private readonly UnitKeys known = new();

    public ParsedChunk(ChunkShape shape, int capacity)
    {
        this.shape = shape;
        this.capacity = capacity;
        required = shape.Required;
        Units = ArrayPool<int>.Shared.Rent(capacity);
        Columns = new double[]?[shape.FieldCount];
        targets = new double[required.Length][];
        for (var j = 0; j < required.Length; j++)
        {
            Columns[required[j]] = targets[j] = ArrayPool<double>.Shared.Rent(capacity);
        }

        UnitRows = new int[shape.Units.Count];
        FirstRows = new int[shape.Units.Count];
        LastRows = new int[shape.Units.Count];
    }

    public int Rows { get; private set; }

    /// <summary>Per row, its unit ordinal (−1: handed over).</summary>
    public int[] Units { get; }

    public double[]?[] Columns { get; }

    public List<(int Row, string Raw)> HandedOver { get; } = [];

    /// <summary>The runs of fast rows between handed-over rows, staged for the aggregator, in order.</summary>
    public List<(int Start, RecordBatch Batch)> Runs { get; } = [];

    /// <summary>Per unit: how many fast rows name it.</summary>
    public int[] UnitRows { get; }

    /// <summary>Per unit: its first fast row (when it has one).</summary>
    public int[] FirstRows { get; }

    /// <summary>Per unit: its last fast row (when it has one).</summary>
    public int[] LastRows { get; }

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

    public void Return()
    {
        ArrayPool<int>.Shared.Return(Units);
        foreach (var column in targets)
        {
            ArrayPool<double>.Shared.Return(column);
        }
    }

    /// <summary>
    /// Parses every line of <c>data[..length]</c>, which ends with a line feed and is followed by at least
    /// <see cref="Padding"/> bytes; false when a line is blank, has another number of fields than the header or is
    /// longer than "maxRowChars" bytes. The delimiters and line feeds of a window of the chunk are found 64 bytes at a
    /// time and listed; the window's whole lines are then read column by column (<see cref="Lines"/>).
    /// </summary>
    /// <param name="data">The chunk and its padding.</param>
    /// <param name="length">The chunk's length.</param>
    /// <param name="carriageReturns">Whether the chunk has carriage returns (each before a line feed).</param>
    public bool Fill(ReadOnlySpan<byte> data, int length, bool carriageReturns)
    {
        if (length + Padding > data.Length || length == 0 || data[length - 1] != (byte)'\n')
        {
            throw new ArgumentException("The chunk must end with a line feed and be padded.", nameof(data));
        }

        var fieldCount = shape.FieldCount;
        var delimiter = shape.Delimiter;
        var marks = ArrayPool<int>.Shared.Rent(Window + fieldCount + 4);
        try
        {
            // marks[0] is the line feed before the first line (the chunk starts a line); line r's marks, its
            // delimiters then its line feed, are marks[(r * fieldCount) + 1] to marks[(r + 1) * fieldCount].
            marks[0] = -1;
            var count = 1;
            var lineFeeds = 0L;
            ref var first = ref MemoryMarshal.GetReference(data);

            // A window adds at most Window marks (and writes at most three slots past them, below) to the at most
            // fieldCount left from the last: within the list's length, so they are written without bounds checks.
            ref var slot = ref MemoryMarshal.GetArrayDataReference(marks);
            for (var i = 0; i < length;)
            {
                var stop = Math.Min(length, i + Window);
                for (; i <= stop - 64; i += 64)
                {
                    var bits = Marks(ref first, (nuint)i, delimiter, out var ends);
                    lineFeeds += BitOperations.PopCount(ends);
                    var found = BitOperations.PopCount(bits);
                    ref var at = ref Unsafe.Add(ref slot, count);
                    for (var k = 0; k < found; k += 4)
                    {
                        // Four at a time (past the last mark, tzcnt(0) = 64 fills slack that is overwritten or unused).
                        Unsafe.Add(ref at, k) = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        Unsafe.Add(ref at, k + 1) = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        Unsafe.Add(ref at, k + 2) = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        Unsafe.Add(ref at, k + 3) = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                    }

                    count += found;
                }

                for (; i < stop; i++)
                {
                    if (data[i] == delimiter || data[i] == (byte)'\n')
                    {
                        lineFeeds += data[i] == (byte)'\n' ? 1 : 0;
                        marks[count++] = i;
                    }
                }

                var lines = (count - 1) / fieldCount;
                if (!Lines(data, marks, lines, carriageReturns))
                {
                    return false;
                }

                // The marks of the next line so far, after the last line feed read.
                var read = lines * fieldCount;
                Array.Copy(marks, read, marks, 0, count - read);
                count -= read;
            }

            // Every group of fieldCount marks ended with a line feed, and there were as many lines as line feeds: every
            // line had fieldCount fields.
            return count == 1 && lineFeeds == Rows;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(marks);
        }
    }

    /// <summary>The delimiters and line feeds among 64 bytes, as bits (and the line feeds alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Marks(ref byte first, nuint offset, byte delimiter, out ulong ends)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var block = Vector512.LoadUnsafe(ref first, offset);
            ends = Vector512.Equals(block, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
            return Vector512.Equals(block, Vector512.Create(delimiter)).ExtractMostSignificantBits() | ends;
        }

        var low = Vector256.LoadUnsafe(ref first, offset);
        var high = Vector256.LoadUnsafe(ref first, offset + 32);
        var newline = Vector256.Create((byte)'\n');
        var cut = Vector256.Create(delimiter);
        ends = Vector256.Equals(low, newline).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, newline).ExtractMostSignificantBits() << 32);
        return Vector256.Equals(low, cut).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, cut).ExtractMostSignificantBits() << 32) | ends;
    }

    /// <summary>
    /// Reads whole lines whose marks are listed (see <see cref="Fill"/>): first their shape, then the unit column, then
    /// each required column, then, line by line, the account per unit or the hand-over; false when a group of marks does
    /// not end with a line feed or a line is longer than "maxRowChars" bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Lines(ReadOnlySpan<byte> data, int[] marks, int lines, bool carriageReturns)
    {
        var fieldCount = shape.FieldCount;
        var row0 = Rows;
        if (lines > capacity - row0)
        {
            return false;
        }

        for (var r = 0; r < lines; r++)
        {
            var end = marks[(r + 1) * fieldCount];
            if (data[end] != (byte)'\n')
            {
                // A line of fewer fields than the header's (a blank line has one) or of more.
                return false;
            }

            var start = marks[r * fieldCount] + 1;
            if (carriageReturns && end > start && data[end - 1] == (byte)'\r')
            {
                end--;
            }

            if (end - start > shape.MaxRowChars)
            {
                // Longer in bytes than "maxRowChars": the general reader decides (by characters) whether it is too long.
                return false;
            }
        }

        var units = Units.AsSpan(row0, lines);
        ReadUnits(data, marks, units, carriageReturns);
        for (var j = 0; j < required.Length; j++)
        {
            var column = required[j];
            ReadNumbers(data, marks, fieldCount, column, targets[j].AsSpan(row0, lines), units, carriageReturns && column == fieldCount - 1);
        }

        for (var r = 0; r < units.Length; r++)
        {
            var unit = units[r];
            if (unit < 0)
            {
                HandOver(data, marks, r, row0 + r, carriageReturns);
                continue;
            }

            if (UnitRows[unit]++ == 0)
            {
                FirstRows[unit] = row0 + r;
            }

            LastRows[unit] = row0 + r;
        }

        Rows = row0 + lines;
        return true;
    }

    /// <summary>
    /// The first mark of a column's cells, after checking that the marks of every line are listed (the passes then read
    /// them, and the cells' first bytes, without bounds checks: every mark is within the chunk, which the padding follows).
    /// </summary>
    private static ref int FirstMark(int[] marks, int lines, int fieldCount, int column)
    {
        if (((long)lines * fieldCount) >= marks.Length || (uint)column >= (uint)fieldCount)
        {
            throw new ArgumentOutOfRangeException(nameof(lines), lines, "The marks of the lines are not all listed.");
        }

        return ref marks[column];
    }

    /// <summary>Where the cell after a mark starts and ends (without the line's carriage return when it is the last).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Start, int End) Cell(ref byte text, ref int mark, bool trim)
    {
        var (start, end) = (mark + 1, Unsafe.Add(ref mark, 1));
        return (start, trim && end > start && Unsafe.Add(ref text, end - 1) == (byte)'\r' ? end - 1 : end);
    }

    /// <summary>
    /// The units of the lines (−1: handed over), remembered per chunk by the cell's bytes when short: the known ones in a
    /// loop without calls (<see cref="ReadKnownUnits"/>), each new or long one resolved here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadUnits(ReadOnlySpan<byte> data, int[] marks, Span<int> units, bool carriageReturns)
    {
        var (column, fieldCount) = (shape.UnitColumn, shape.FieldCount);
        var trim = carriageReturns && column == fieldCount - 1;
        ref var first = ref FirstMark(marks, units.Length, fieldCount, column);
        ref var text = ref MemoryMarshal.GetReference(data);
        for (var r = ReadKnownUnits(ref text, ref first, fieldCount, units, 0, trim, known.Current);
             r < units.Length;
             r = ReadKnownUnits(ref text, ref first, fieldCount, units, r + 1, trim, known.Current))
        {
            var (start, end) = Cell(ref text, ref Unsafe.Add(ref first, r * fieldCount), trim);
            var size = end - start;
            var unit = units[r] = Resolve(data[start..end]);
            if (size <= 7)
            {
                known.Add(UnitKeys.Key(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref text, start)), size), unit);
            }
        }
    }

    /// <summary>Reads the units of lines from <paramref name="from"/> on while they are known; returns the first line whose unit is not (or the number of lines).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadKnownUnits(ref byte text, ref int first, int fieldCount, Span<int> units, int from, bool trim, UnitKeys.View known)
    {
        ref var mark = ref Unsafe.Add(ref first, from * fieldCount);
        for (var r = from; r < units.Length; r++, mark = ref Unsafe.Add(ref mark, fieldCount))
        {
            var (start, end) = Cell(ref text, ref mark, trim);
            var size = end - start;
            if (size > 7 || !known.TryGet(UnitKeys.Key(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref text, start)), size), out var unit))
            {
                return r;
            }

            units[r] = unit;
        }

        return units.Length;
    }

    /// <summary>
    /// The numbers of a column: one or two digits, empty (NaN) or a plain decimal (<see cref="Utf8Decimal"/>); a line
    /// whose cell is none of these is handed over (its unit set to −1). The short cells are read in a loop without calls
    /// (<see cref="ReadShortNumbers"/>), each other one here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadNumbers(ReadOnlySpan<byte> data, int[] marks, int fieldCount, int column, Span<double> target, Span<int> units, bool trim)
    {
        ref var first = ref FirstMark(marks, target.Length, fieldCount, column);
        ref var text = ref MemoryMarshal.GetReference(data);
        for (var r = ReadShortNumbers(ref text, ref first, fieldCount, target, 0, trim);
             r < target.Length;
             r = ReadShortNumbers(ref text, ref first, fieldCount, target, r + 1, trim))
        {
            var (start, end) = Cell(ref text, ref Unsafe.Add(ref first, r * fieldCount), trim);
            if (!Utf8Decimal.TryParse(data[start..end], out target[r]))
            {
                units[r] = -1;
            }
        }
    }

    /// <summary>
    /// Reads the cells of lines from <paramref name="from"/> on while they are empty (NaN) or one or two digits; returns
    /// the first line whose cell is not (or the number of lines).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadShortNumbers(ref byte text, ref int first, int fieldCount, Span<double> target, int from, bool trim)
    {
        ref var mark = ref Unsafe.Add(ref first, from * fieldCount);
        for (var r = from; r < target.Length; r++, mark = ref Unsafe.Add(ref mark, fieldCount))
        {
            var (start, end) = Cell(ref text, ref mark, trim);
            var size = end - start;

            // The cell's first two bytes (the second may be the delimiter, the line's end or padding).
            var d0 = (uint)(Unsafe.Add(ref text, start) - (byte)'0');
            var d1 = (uint)(Unsafe.Add(ref text, start + 1) - (byte)'0');
            if (size == 1 && d0 <= 9)
            {
                target[r] = d0;
            }
            else if (size == 2 && (d0 <= 9 & d1 <= 9))
            {
                target[r] = (d0 * 10) + d1;
            }
            else if (size == 0)
            {
                target[r] = double.NaN;
            }
            else
            {
                return r;
            }
        }

        return target.Length;
    }

    /// <summary>The unit of a cell, or −1 when the resolver does not know it or the cell is not ASCII (handed over).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Resolve(ReadOnlySpan<byte> cell)
    {
        if (cell.Length > MaxCellChars || !Ascii.IsValid(cell))
        {
            return -1;
        }

        // ASCII: one char per byte; the resolver's ASCII lookup only reads its tables, so chunks may share it.
        Span<char> name = stackalloc char[MaxCellChars];
        Ascii.ToUtf16(cell, name, out var written);
        return shape.Units.Resolve(name[..written], out _);
    }

    /// <summary>Hands line r over to the general checks, with its text (without its carriage return).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void HandOver(ReadOnlySpan<byte> data, int[] marks, int r, int row, bool carriageReturns)
    {
        var fieldCount = shape.FieldCount;
        var (start, end) = (marks[r * fieldCount] + 1, marks[(r + 1) * fieldCount]);
        if (carriageReturns && end > start && data[end - 1] == (byte)'\r')
        {
            end--;
        }

        HandedOver.Add((row, Encoding.UTF8.GetString(data[start..end])));
        Units[row] = -1;
    }
}
