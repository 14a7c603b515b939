namespace BRVT.Dti.Reporting;

/// <summary>
/// Writes a report built in memory to its destination in slices, checking the token between them: a report of
/// thousands of units is tens of mebibytes, and one write of it could not be stopped once begun.
/// </summary>
internal static class ReportBytes
{
    /// <summary>The size of a slice: large enough to cost nothing, small enough to stop within milliseconds.</summary>
    internal const int SliceSize = 1 << 20;

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
}
