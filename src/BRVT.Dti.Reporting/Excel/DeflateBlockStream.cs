using System.Buffers;

namespace BRVT.Dti.Reporting.Excel;

/// <summary>
/// A write-only view of a deflate (zip entry) stream that passes the bytes on in blocks of exactly 64 KiB, the last
/// one shorter when disposed, and ignores flushes. The compressor's output depends on how its input is cut: cut at
/// multiples of 64 KiB it is the same as for the whole input written at once, so a worksheet streamed row by row
/// compresses to the bytes it always had. A flush would also add a sync marker to the entry.
/// </summary>
/// <param name="inner">The stream written to; not disposed.</param>
internal sealed class DeflateBlockStream(Stream inner) : Stream
{
    /// <summary>Twice the deflate window: the point at which the compressor would stop reading anyway.</summary>
    internal const int BlockSize = 1 << 16;

    private byte[]? block = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int filled;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => block is not null;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
        // Deliberately nothing: the remaining bytes are passed on when this stream is disposed.
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(block is null, this);
        while (buffer.Length > 0)
        {
            var take = Math.Min(BlockSize - filled, buffer.Length);
            buffer[..take].CopyTo(block.AsSpan(filled));
            filled += take;
            buffer = buffer[take..];
            if (filled == BlockSize)
            {
                inner.Write(block, 0, BlockSize);
                filled = 0;
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && block is { } last)
        {
            block = null;
            try
            {
                if (filled > 0)
                {
                    inner.Write(last, 0, filled);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(last);
            }
        }

        base.Dispose(disposing);
    }
}
