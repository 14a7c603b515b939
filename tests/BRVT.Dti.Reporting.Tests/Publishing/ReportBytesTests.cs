using System.Text;
using FsCheck.Xunit;

namespace BRVT.Dti.Reporting.Tests.Publishing;

/// <summary>
/// Text written slice by slice from a builder's chunks has the bytes of <see cref="Encoding.UTF8"/> for the whole
/// text, surrogate pairs split across chunks and slices and lone surrogates included; a cancelled token stops it.
/// </summary>
public sealed class ReportBytesTests
{
    private static readonly string[] Pieces = ["a", "Đơn vị", "😀", "\uD83D", "\uDE00", "\uFFFF", "<tr>", "\n", new string('x', 5000), "ệ"];

    [Property(MaxTest = 40)]
    public async Task WriteAsync_RandomText_SameBytesAsEncodingTheWholeText(int seed, bool byteOrderMark)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var target = random.Next(0, 4) == 0 ? random.Next(0, 100) : random.Next(1, 3 * ReportBytes.SliceSize);
        while (text.Length < target)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        using var destination = new MemoryStream();
        await ReportBytes.WriteAsync(destination, text, byteOrderMark, CancellationToken.None);

        byte[] expected = [.. byteOrderMark ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text.ToString())];
        Assert.True(expected.AsSpan().SequenceEqual(destination.ToArray()), $"{text.Length} characters: the bytes differ from Encoding.UTF8's");
    }

    [Fact]
    public async Task WriteAsync_TokenAlreadyCancelled_WritesNothing()
    {
        var text = new StringBuilder().Append('a', 3 * ReportBytes.SliceSize);
        using var destination = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportBytes.WriteAsync(destination, text, byteOrderMark: true, new CancellationToken(canceled: true)));
        Assert.Equal(0, destination.Length);
    }
}
