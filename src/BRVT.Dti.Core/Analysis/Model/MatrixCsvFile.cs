using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace BRVT.Dti.Analysis;

/// <summary>
/// A matrix CSV file read with positional reads into pooled buffers (thread-safe). Not memory-mapped on purpose: on the
/// virtual machines this runs on, first touches of mapped pages cost more than the kernel's copy into a buffer that is
/// already resident.
/// </summary>
internal sealed class MatrixCsvFile(SafeFileHandle handle, int length)
{
    /// <summary>Bytes readable past the end of every buffer, so that a cell's first eight bytes can always be loaded.</summary>
    public const int Padding = 8;

    public int Length => length;

    /// <summary>The file's first bytes (for byte order marks).</summary>
    public ReadOnlySpan<byte> Peek(Span<byte> buffer) => buffer[..RandomAccess.Read(handle, buffer, 0)];

    /// <summary>Reads [start, end) into a pooled buffer with <see cref="Padding"/> zero bytes after it; give it back with <see cref="Return"/>.</summary>
    public byte[] Read(int start, int end)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(end - start + Padding);
        var read = 0;
        while (read < end - start)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read, end - start - read), start + read);
            if (n == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new IOException("The file became shorter while it was read.");
            }

            read += n;
        }

        buffer.AsSpan(end - start, Padding).Clear();
        return buffer;
    }

    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    /// <summary>The line starting at <paramref name="start"/> (without its '\n') and the position of its end.</summary>
    public (byte[] Line, int End) ReadLine(int start)
    {
        var window = 4096;
        while (true)
        {
            var end = (int)Math.Min(length, (long)start + window);
            var buffer = Read(start, end);
            try
            {
                var newline = buffer.AsSpan(0, end - start).IndexOf((byte)'\n');
                if (newline >= 0 || end == length)
                {
                    var lineEnd = newline >= 0 ? start + newline : length;
                    return (buffer.AsSpan(0, lineEnd - start).ToArray(), lineEnd);
                }
            }
            finally
            {
                Return(buffer);
            }

            window *= 4;
        }
    }
}
