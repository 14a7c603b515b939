using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BRVT.Dti.Sources;

/// <summary>
/// <see cref="Utf8Decimal.TryParseEight"/> for eight cells at once, one per 64-bit lane of an AVX-512 vector: the same
/// steps (sign, point squeezed out, digit check, SWAR conversion, one correctly rounded division by a power of ten), so
/// every lane it reads has the scalar reader's value to the bit, and every lane it declines is one the scalar reader
/// declines too.
/// </summary>
internal static class Utf8DecimalVector
{
    /// <summary>10^0 … 10^7: the divisors of at most seven digits after the point.</summary>
    private static readonly Vector512<double> PowersOfTen = Vector512.Create(1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7);

    /// <summary>Whether this machine has the instructions (AVX-512 F and DQ: variable shifts, 64-bit multiplies and conversions).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx512DQ.IsSupported;

    /// <summary>Reads eight cells of at most eight bytes.</summary>
    /// <param name="word">Per lane, the cell's first eight bytes, little-endian (bytes past the cell are ignored).</param>
    /// <param name="length">Per lane, the cell's length in bytes.</param>
    /// <param name="value">Per lane, the value where the lane was read.</param>
    /// <returns>Bit k set when lane k was read (what <see cref="Utf8Decimal.TryParseEight"/> returns for it).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint TryParseEight(Vector512<ulong> word, Vector512<ulong> length, out Vector512<double> value)
    {
        var one = Vector512<ulong>.One;
        var low = word & Vector512.Create(0xFFUL);
        var negative = Vector512.Equals(low, Vector512.Create((ulong)'-'));
        var signed = negative | Vector512.Equals(low, Vector512.Create((ulong)'+'));

        // The sign is dropped: the word keeps the seven bytes after it, the length counts one byte less.
        word = Vector512.ConditionalSelect(signed, word >>> 8, word);
        length += signed;
        var most = Vector512.ConditionalSelect(signed, Vector512.Create(7UL), Vector512.Create(8UL));
        var read = Vector512.GreaterThanOrEqual(length, one) & Vector512.LessThanOrEqual(length, most);

        // Only the cell's bytes (a shift by 64 or more gives 0 in lanes already declined).
        word &= Avx512F.ShiftRightLogicalVariable(Vector512<ulong>.AllBitsSet, (Vector512.Create(8UL) - length) << 3);

        // The lowest '.' is squeezed out; bytes below it stay, bytes above it move down one.
        var x = word ^ Vector512.Create(0x2E2E2E2E2E2E2E2EUL);
        var points = (x - Vector512.Create(0x0101010101010101UL)) & ~x & Vector512.Create(0x8080808080808080UL);
        var hasPoint = ~Vector512.Equals(points, Vector512<ulong>.Zero);
        var unit = (points & (Vector512<ulong>.Zero - points)) >>> 7;
        var below = unit - one;
        word = (word & below) | ((word >>> 8) & ~below);
        var digits = length + hasPoint;

        // The point's byte index is log2(unit) / 8, read off the exponent of unit as a double (a power of two, exact).
        var point = ((Vector512.ConvertToDouble(unit).AsUInt64() >>> 52) - Vector512.Create(1023UL)) >>> 3;
        var fraction = (digits - point) & hasPoint;
        read &= ~Vector512.Equals(digits, Vector512<ulong>.Zero);

        // Most significant digit in the lowest byte: the digits move up, the bytes below are filled with '0'.
        var zeros = Vector512.Create(0x3030303030303030UL);
        var high = Vector512.Create(0xF0F0F0F0F0F0F0F0UL);
        var padded = Avx512F.ShiftLeftLogicalVariable(word, (Vector512.Create(8UL) - digits) << 3) | Avx512F.ShiftRightLogicalVariable(zeros, digits << 3);
        read &= Vector512.Equals(padded & high, zeros) & Vector512.Equals((padded + Vector512.Create(0x0606060606060606UL)) & high, zeros);

        var v = padded - zeros;
        v = (v * Vector512.Create(10UL)) + (v >>> 8);
        var pairs = Vector512.Create(0x000000FF000000FFUL);
        v = (((v & pairs) * Vector512.Create(0x000F424000000064UL)) + (((v >>> 16) & pairs) * Vector512.Create(0x0000271000000001UL))) >>> 32;
        var mantissa = Vector512.ConvertToDouble(v & Vector512.Create(0xFFFFFFFFUL));
        var magnitude = mantissa / Avx512F.PermuteVar8x64(PowersOfTen, fraction.AsInt64());
        value = Vector512.ConditionalSelect(negative.AsDouble(), -magnitude, magnitude);
        return (uint)read.ExtractMostSignificantBits();
    }
}
