using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BRVT.Dti.Sources;

/// <summary>
/// Reads plain decimal numbers — an optional sign, digits, an optional point and digits (<c>57.12</c>, <c>-3</c>,
/// <c>.5</c>) — from UTF-8 bytes, exactly as <see cref="double.Parse(string, IFormatProvider)"/> with the invariant
/// culture would, several times faster: for data sources that read large text files. Numbers of up to 15 digits with at
/// most 22 after the point are read as the integer of their digits divided by a power of ten, both exact, so the one
/// correctly rounded division gives the correctly rounded value (Clinger's fast path); up to eight digits are
/// converted eight bytes at a time. Anything else (exponents, spaces, more digits, words) is left to the caller's
/// general parser.
/// </summary>
/// <remarks>Thread-safe; allocates nothing.</remarks>
public static class Utf8Decimal
{
    /// <summary>10^0 … 10^22, every one exactly representable as a double.</summary>
    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, 23).Select(e => double.Parse("1e" + e.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    /// <summary>Reads a plain decimal number.</summary>
    /// <param name="text">The UTF-8 bytes of the number, nothing else (no spaces).</param>
    /// <param name="value">The value, as double.Parse gives it; NaN when the text is not a plain decimal.</param>
    /// <returns><see langword="true"/> when the text is a plain decimal number this reader takes.</returns>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        if (text.Length is > 0 and <= 8)
        {
            ulong word = 0;
            text.CopyTo(MemoryMarshal.AsBytes(new Span<ulong>(ref word)));
            if (TryParseEight(text.Length, BitConverter.IsLittleEndian ? word : BinaryReverse(word), out value))
            {
                return true;
            }
        }

        if (!text.IsEmpty)
        {
            return TryParseLong(text, out value);
        }

        value = double.NaN;
        return false;
    }

    private static ulong BinaryReverse(ulong word) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(word);

    /// <summary>
    /// [sign] digits [. digits] in at most eight bytes after the sign, without branching on the digits: the point is
    /// found and squeezed out, the digits are checked and converted eight at a time (the SWAR method of simdjson's
    /// parse_eight_digits), and m / 10^f is correctly rounded because m &lt; 10^8 and 10^f are exact — the value
    /// double.Parse gives.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseEight(int length, ulong word, out double value)
    {
        value = double.NaN;
        var negative = (byte)word == (byte)'-';
        var signed = negative || (byte)word == (byte)'+';
        if (signed)
        {
            // The word held the sign and seven bytes after it.
            word >>= 8;
            length--;
        }

        if (length < 1 || length > (signed ? 7 : 8))
        {
            return false;
        }

        if (length < 8)
        {
            word &= (1UL << (length * 8)) - 1;
        }

        // The lowest byte equal to '.' (exact for the lowest; a second point fails the digit check below).
        var x = word ^ 0x2E2E2E2E2E2E2E2EUL;
        var points = (x - 0x0101010101010101UL) & ~x & 0x8080808080808080UL;
        var digits = length;
        var fraction = 0;
        if (points != 0)
        {
            var point = BitOperations.TrailingZeroCount(points) >> 3;
            var below = (1UL << (point * 8)) - 1;
            word = (word & below) | ((word >> 8) & ~below);
            digits--;
            fraction = digits - point;
        }

        if (digits == 0)
        {
            return false;
        }

        // Most significant digit in the lowest byte: move the digits up and fill the bytes below with '0'.
        var padded = digits == 8 ? word : (word << ((8 - digits) * 8)) | (0x3030303030303030UL >> (digits * 8));
        if ((padded & 0xF0F0F0F0F0F0F0F0UL) != 0x3030303030303030UL || ((padded + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) != 0x3030303030303030UL)
        {
            return false;
        }

        var v = padded - 0x3030303030303030UL;
        v = (v * 10) + (v >> 8);
        v = (((v & 0x000000FF000000FFUL) * 0x000F424000000064UL) + (((v >> 16) & 0x000000FF000000FFUL) * 0x0000271000000001UL)) >> 32;
        var mantissa = (double)(uint)v;
        var magnitude = fraction == 0 ? mantissa : mantissa / PowersOfTen[fraction];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>
    /// The longer plain decimals: [sign] digits [. digits] with at most 15 digits (so the digits, as an integer m, are
    /// exact) and at most 22 after the point (so 10^f is exact): m / 10^f is then the correctly rounded value, as
    /// double.Parse gives it. Anything else (exponents, spaces, NA, longer numbers) is left to the general parser.
    /// </summary>
    internal static bool TryParseLong(ReadOnlySpan<byte> cell, out double value)
    {
        value = double.NaN;
        var i = 0;
        var negative = false;
        if (cell[0] is (byte)'-' or (byte)'+')
        {
            negative = cell[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        int digits = 0, fraction = 0;
        var point = false;
        for (; i < cell.Length; i++)
        {
            var d = cell[i] - (byte)'0';
            if ((uint)d <= 9)
            {
                if (++digits > 15)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                fraction += point ? 1 : 0;
            }
            else if (cell[i] == (byte)'.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || fraction > 22)
        {
            return false;
        }

        var magnitude = fraction == 0 ? mantissa : mantissa / PowersOfTen[fraction];
        value = negative ? -magnitude : magnitude;
        return true;
    }

}
