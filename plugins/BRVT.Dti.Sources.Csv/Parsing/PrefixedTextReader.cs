namespace BRVT.Dti.Sources.Csv.Parsing;

/// <summary>
/// A text reader that first gives back characters already taken from the inner reader (the header line read to
/// detect the delimiter, or the rest of a buffer after skipping to a line), then continues with the inner reader.
/// </summary>
internal sealed class PrefixedTextReader(char[] prefix, int start, int length, TextReader inner) : TextReader
{
    private int position = start;
    private readonly int end = start + length;

    public override int Peek() => position < end ? prefix[position] : inner.Peek();

    public override int Read() => position < end ? prefix[position++] : inner.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (position < end)
        {
            var n = Math.Min(buffer.Length, end - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (position < end)
        {
            return ValueTask.FromResult(Read(buffer.Span));
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
