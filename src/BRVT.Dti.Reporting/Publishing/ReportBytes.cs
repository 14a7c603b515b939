using System.Buffers;
using System.Text;

namespace BRVT.Dti.Reporting;

/// <summary>
/// Writes a report built in memory to its destination in slices, checking the token between them: a report of
/// thousands of units is tens of mebibytes, and one write of it (or one conversion of its text to a string and then
/// to UTF-8) could not be stopped once begun.
/// </summary>
internal static class ReportBytes
{
    /// <summary>The size of a slice: large enough to cost nothing, small enough to stop within milliseconds.</summary>
    internal const int SliceSize = 1 << 20;

    /// <summary>Room for the longest UTF-8 sequence the encoder may emit at once.</summary>
    private const int EncoderReserve = 16;

    /// <summary>Writes the bytes in slices of <see cref="SliceSize"/>, then flushes the destination.</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <param name="bytes">The bytes.</param>
    /// <param name="cancellationToken">Checked before every slice.</param>
    /// <returns>A task that completes when the bytes are written and flushed.</returns>
    public static async Task WriteAsync(Stream destination, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < bytes.Length; offset += SliceSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await destination.WriteAsync(bytes.Slice(offset, Math.Min(SliceSize, bytes.Length - offset)), cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes text as UTF-8 (the bytes <see cref="Encoding.UTF8"/> gives for the whole text), after an optional byte
    /// order mark, converting the builder's chunks slice by slice rather than into one string and one array.
    /// </summary>
    /// <param name="destination">The stream to write to.</param>
    /// <param name="text">The text.</param>
    /// <param name="byteOrderMark">Whether to begin with the UTF-8 byte order mark.</param>
    /// <param name="cancellationToken">Checked before every slice.</param>
    /// <returns>A task that completes when the text is written and the destination flushed.</returns>
    public static async Task WriteAsync(Stream destination, StringBuilder text, bool byteOrderMark, CancellationToken cancellationToken)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(SliceSize);
        try
        {
            var filled = byteOrderMark ? Encoding.UTF8.Preamble.Length : 0;
            Encoding.UTF8.Preamble[..filled].CopyTo(buffer);
            foreach (var chunk in text.GetChunks())
            {
                for (var rest = chunk; !rest.IsEmpty;)
                {
                    if (buffer.Length - filled < EncoderReserve)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await destination.WriteAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                        filled = 0;
                    }

                    encoder.Convert(rest.Span, buffer.AsSpan(filled), flush: false, out var used, out var written, out _);
                    rest = rest[used..];
                    filled += written;
                }
            }

            if (buffer.Length - filled < EncoderReserve)
            {
                await destination.WriteAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                filled = 0;
            }

            encoder.Convert([], buffer.AsSpan(filled), flush: true, out _, out var last, out _);
            filled += last;
            cancellationToken.ThrowIfCancellationRequested();
            await destination.WriteAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
