using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Writes a row-major block of parsed rows to the matrix's columns. With AVX-512, eight rows by eight columns at a
/// time: eight 64-byte loads, a transpose in registers, eight 64-byte stores, one per column; the rest value by value.
/// </summary>
internal static class BlockTranspose
{
    /// <summary>Whether the eight-by-eight path is used (where the machine has AVX-512); tests switch it off to compare.</summary>
    internal static bool Vectorised { get; set; } = Avx512F.IsSupported;

    /// <summary>Copies <paramref name="rows"/> rows of <paramref name="block"/> (row r, column n at r × width + n) to columns[n][firstRow + r].</summary>
    public static void ToColumns(ReadOnlySpan<double> block, int rows, int width, double[][] columns, int firstRow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block.Length, rows * width);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns.Length, width);
        var n = 0;
        if (Vectorised)
        {
            var fullRows = rows & ~7;
            for (; n + 8 <= width; n += 8)
            {
                for (var r = 0; r < fullRows; r += 8)
                {
                    Eight(block, r, n, width, columns, firstRow);
                }

                for (var k = 0; k < 8; k++)
                {
                    Column(block, fullRows, rows, width, n + k, columns[n + k].AsSpan(firstRow));
                }
            }
        }

        for (; n < width; n++)
        {
            Column(block, 0, rows, width, n, columns[n].AsSpan(firstRow));
        }
    }

    private static void Column(ReadOnlySpan<double> block, int from, int rows, int width, int n, Span<double> column)
    {
        for (var r = from; r < rows; r++)
        {
            column[r] = block[(r * width) + n];
        }
    }

    /// <summary>Rows r…r+7, columns n…n+7: pairs of rows interleaved, then 128-bit lanes gathered twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Eight(ReadOnlySpan<double> block, int r, int n, int width, double[][] columns, int firstRow)
    {
        var at = (r * width) + n;
        var r0 = Vector512.Create(block.Slice(at, 8));
        var r1 = Vector512.Create(block.Slice(at + width, 8));
        var r2 = Vector512.Create(block.Slice(at + (2 * width), 8));
        var r3 = Vector512.Create(block.Slice(at + (3 * width), 8));
        var r4 = Vector512.Create(block.Slice(at + (4 * width), 8));
        var r5 = Vector512.Create(block.Slice(at + (5 * width), 8));
        var r6 = Vector512.Create(block.Slice(at + (6 * width), 8));
        var r7 = Vector512.Create(block.Slice(at + (7 * width), 8));

        // t0 holds, per 128-bit lane j, (row 0, row 1) of column 2j; t1 the same of column 2j + 1; and so on.
        var t0 = Avx512F.UnpackLow(r0, r1);
        var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5);
        var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7);
        var t7 = Avx512F.UnpackHigh(r6, r7);
        Gather(t0, t2, t4, t6, columns, n, firstRow + r);
        Gather(t1, t3, t5, t7, columns, n + 1, firstRow + r);
    }

    /// <summary>
    /// From four interleaved pairs of rows (a: rows 0–1, b: rows 2–3, c: rows 4–5, d: rows 6–7; lane j of each holds
    /// column 2j or 2j + 1 of its two rows), columns n, n + 2, n + 4 and n + 6, each with its eight rows: lanes 0 and 1
    /// of the pairs brought together, then lanes 2 and 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gather(Vector512<double> a, Vector512<double> b, Vector512<double> c, Vector512<double> d, double[][] columns, int n, int row)
    {
        var ab = Avx512F.Shuffle4x128(a, b, 0x44);
        var cd = Avx512F.Shuffle4x128(c, d, 0x44);
        Avx512F.Shuffle4x128(ab, cd, 0x88).CopyTo(columns[n].AsSpan(row, 8));
        Avx512F.Shuffle4x128(ab, cd, 0xDD).CopyTo(columns[n + 2].AsSpan(row, 8));
        ab = Avx512F.Shuffle4x128(a, b, 0xEE);
        cd = Avx512F.Shuffle4x128(c, d, 0xEE);
        Avx512F.Shuffle4x128(ab, cd, 0x88).CopyTo(columns[n + 4].AsSpan(row, 8));
        Avx512F.Shuffle4x128(ab, cd, 0xDD).CopyTo(columns[n + 6].AsSpan(row, 8));
    }
}
