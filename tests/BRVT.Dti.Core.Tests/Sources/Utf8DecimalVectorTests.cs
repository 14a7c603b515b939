using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using BRVT.Dti.Sources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Sources;

public sealed class Utf8DecimalVectorTests
{
    /// <summary>Cells of zero to nine bytes over the characters a number cell can hold, and some it cannot.</summary>
    private static readonly Gen<byte[]> Cell =
        Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789.-+-..9e, NA\0\u00ff"u8.ToArray()), n));

    /// <summary>Bytes that follow a cell in the buffer (the next cells of the line): the reader must ignore them.</summary>
    private static readonly Gen<byte[]> Tail = Gen.ArrayOf(Gen.Elements("0123456789.-+,\n"u8.ToArray()), 8);

    [Property(MaxTest = 3000)]
    public Property TryParseEight_EightCells_SameLanesReadAndSameBitsAsTheScalarReader() =>
        Prop.ForAll(Gen.ArrayOf(Cell, 8).ToArbitrary(), Gen.ArrayOf(Tail, 8).ToArbitrary(), (cells, tails) =>
        {
            if (!Utf8DecimalVector.IsSupported)
            {
                return true.Label("no AVX-512 here: the loaders use the scalar reader");
            }

            var words = new ulong[8];
            var lengths = new ulong[8];
            for (var k = 0; k < 8; k++)
            {
                var bytes = cells[k].Concat(tails[k]).Take(8).ToArray();
                words[k] = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                lengths[k] = (ulong)cells[k].Length;
            }

            var read = Utf8DecimalVector.TryParseEight(Vector512.Create(words), Vector512.Create(lengths), out var values);
            for (var k = 0; k < 8; k++)
            {
                var scalar = Utf8Decimal.TryParseEight(cells[k].Length, words[k], out var expected);
                var lane = ((read >> k) & 1) != 0;
                if (lane != scalar || (scalar && BitConverter.DoubleToInt64Bits(values[k]) != BitConverter.DoubleToInt64Bits(expected)))
                {
                    return false.Label($"lane {k} '{System.Text.Encoding.Latin1.GetString(cells[k])}': vector {lane} {values[k]:R}, scalar {scalar} {expected:R}");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void TryParseEight_TypicalCells_ReadsTheNumbersAndDeclinesTheRest()
    {
        string[] cells = ["38.92", "-0.6", "103.47", "", "+7", "1.2.3", "12345678", "-1234567"];
        var words = cells.Select(c => BinaryPrimitives.ReadUInt64LittleEndian(System.Text.Encoding.ASCII.GetBytes((c + ",,,,,,,,")[..8]))).ToArray();
        var lengths = cells.Select(c => (ulong)c.Length).ToArray();
        if (!Utf8DecimalVector.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => Utf8DecimalVector.TryParseEight(Vector512.Create(words), Vector512.Create(lengths), out _));
            return;
        }

        var read = Utf8DecimalVector.TryParseEight(Vector512.Create(words), Vector512.Create(lengths), out var values);

        Assert.Equal(0b1101_0111u, read);
        Assert.Equal([38.92, -0.6, 103.47, 7, 12345678, -1234567], new[] { 0, 1, 2, 4, 6, 7 }.Select(k => values[k]));
    }
}
