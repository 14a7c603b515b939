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
    /// <see cref="Padding"/> bytes; false when a line is blank or has another number of fields than the header.
    /// Delimiters and line feeds are found 64 bytes at a time: one pass over the chunk gives every cell's bounds.
    /// </summary>
    public bool Fill(ReadOnlySpan<byte> data, int length)
    {
        if (length + Padding > data.Length || length == 0 || data[length - 1] != (byte)'\n')
        {
            throw new ArgumentException("The chunk must end with a line feed and be padded.", nameof(data));
        }

        var fieldCount = shape.FieldCount;
        var delimiter = shape.Delimiter;
        Span<int> starts = stackalloc int[fieldCount + 1];
        var (rowStart, cells) = (0, 1);
        var i = 0;
        ref var first = ref MemoryMarshal.GetReference(data);
        for (; i <= length - 64; i += 64)
        {
            var marks = Marks(ref first, (nuint)i, delimiter, out var ends);
            while (marks != 0)
            {
                var at = i + BitOperations.TrailingZeroCount(marks);
                var bit = marks & (~marks + 1);
                marks ^= bit;
                if ((ends & bit) == 0)
                {
                    if (cells < fieldCount)
                    {
                        starts[cells] = at + 1;
                    }

                    cells++;
                    continue;
                }

                if (!Row(data, rowStart, at, starts, cells))
                {
                    return false;
                }

                (rowStart, cells) = (at + 1, 1);
            }
        }

        for (; i < length; i++)
        {
            if (data[i] == delimiter)
            {
                if (cells < fieldCount)
                {
                    starts[cells] = i + 1;
                }

                cells++;
            }
            else if (data[i] == (byte)'\n')
            {
                if (!Row(data, rowStart, i, starts, cells))
                {
                    return false;
                }

                (rowStart, cells) = (i + 1, 1);
            }
        }

        return true;
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
    /// One line, from its start to its line feed, whose cells start at <paramref name="starts"/> (from 1); false when
    /// it is not simple or longer than "maxRowChars" bytes.
    /// </summary>
    private bool Row(ReadOnlySpan<byte> data, int rowStart, int newline, Span<int> starts, int cells)
    {
        // A blank line has one field, fewer than the header's (at least two): the general reader reports it.
        if (cells != shape.FieldCount)
        {
            return false;
        }

        var end = newline > rowStart && data[newline - 1] == (byte)'\r' ? newline - 1 : newline;
        if (end - rowStart > shape.MaxRowChars)
        {
            // Longer in bytes than "maxRowChars": the general reader decides (by characters) whether it is too long.
            return false;
        }

        var row = Rows;
        if (row >= capacity)
        {
            return false;
        }

        Rows = row + 1;
        starts[0] = rowStart;
        starts[cells] = end + 1;
        if (!Read(data, starts, row))
        {
            HandOver(data[rowStart..end], row);
        }

        return true;
    }

    /// <summary>The unit and the required numbers on the fast path; false to hand the row over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Read(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, int row)
    {
        var unitColumn = shape.UnitColumn;
        var begin = starts[unitColumn];
        var size = starts[unitColumn + 1] - 1 - begin;
        int unit;
        if (size <= 7)
        {
            // Remembered per chunk by the cell's bytes, so that each distinct spelling is resolved once.
            var key = UnitKeys.Key(MemoryMarshal.Read<ulong>(data[begin..]), size);
            if (!known.TryGet(key, out unit))
            {
                unit = Resolve(data.Slice(begin, size));
                known.Add(key, unit);
            }
        }
        else
        {
            unit = Resolve(data.Slice(begin, size));
        }

        if (unit < 0)
        {
            return false;
        }

        for (var j = 0; j < required.Length; j++)
        {
            var column = required[j];
            var start = starts[column];
            size = starts[column + 1] - 1 - start;

            // The cell's first two bytes (the second may be the delimiter, the line's end or padding).
            var d0 = (uint)(data[start] - (byte)'0');
            var d1 = (uint)(data[start + 1] - (byte)'0');
            double value;
            if (size == 1 && d0 <= 9)
            {
                value = d0;
            }
            else if (size == 2 && (d0 <= 9 & d1 <= 9))
            {
                value = (d0 * 10) + d1;
            }
            else if (size == 0)
            {
                value = double.NaN;
            }
            else if (!Utf8Decimal.TryParse(data.Slice(start, size), out value))
            {
                return false;
            }

            targets[j][row] = value;
        }

        Units[row] = unit;
        if (UnitRows[unit]++ == 0)
        {
            FirstRows[unit] = row;
        }

        LastRows[unit] = row;
        return true;
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void HandOver(ReadOnlySpan<byte> text, int row)
    {
        HandedOver.Add((row, Encoding.UTF8.GetString(text)));
        Units[row] = -1;
    }
}
