using System.Globalization;
using System.Text;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Loads a large CSV table of unit rows (the <see cref="IndicatorMatrix.ParseCsv"/> layout) straight from the bytes of
/// the file: cut into chunks of whole lines, each chunk read into a pooled buffer and counted, then read again and
/// parsed in parallel into the final columns (each chunk knows its first row). Numbers of up to eight digits are
/// read eight bytes at a time (SWAR); longer plain decimals by a digit loop; anything else by the general parser. The
/// result, and every error message, is what <see cref="IndicatorMatrix.ParseCsv"/> gives for the same text; files it
/// cannot read that way (quotes, a carriage return inside a line, a UTF-16 or UTF-32 byte order mark) go to that parser.
/// </summary>
internal static class MatrixCsvLoader
{
    /// <summary>
    /// About a core's L2 cache: a chunk read into a pooled buffer is still in cache when it is counted or parsed (8 MB
    /// chunks took a fifth more CPU time, the copies going through main memory).
    /// </summary>
    private const int TargetChunkBytes = 1 << 20;

    public static IndicatorMatrix Load(string path, string unitIdColumn, IReadOnlyList<string> attributeColumns, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length == 0 || length > int.MaxValue - (1 << 20))
        {
            // Empty files get ParseCsv's message; files near 2 GiB are beyond int offsets (and beyond a sensible matrix).
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        var file = new MatrixCsvFile(handle, (int)length);
        Span<byte> mark = stackalloc byte[4];
        var marked = file.Peek(mark);
        if (marked.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || marked.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || marked.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        // The header: the first line that is not blank (after a UTF-8 byte order mark).
        var start = marked.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var headerLine = 1;
        string[] header;
        while (true)
        {
            var (line, end) = file.ReadLine(start);
            if (!MatrixCsvChunk.Blank(line))
            {
                if (line.Contains((byte)'"') || MatrixCsvChunk.Trim(line, '\r').Contains((byte)'\r'))
                {
                    return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
                }

                header = Encoding.UTF8.GetString(MatrixCsvChunk.Trim(line, '\r')).Split(',').Select(h => h.Trim()).ToArray();
                start = Math.Min(end + 1, file.Length);
                break;
            }

            if (end >= file.Length)
            {
                throw new FormatException("The CSV text is empty.");
            }

            start = end + 1;
            headerLine++;
        }

        var layout = MatrixCsvLayout.Of(header, unitIdColumn, attributeColumns);

        // Chunks of whole lines: each is counted (lines, non-blank records), then parsed into its rows of the final columns.
        var chunks = Chunks(file, start, maxDegreeOfParallelism);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, chunks.Length, parallel, c => chunks[c].Count(file));
        if (chunks.Any(c => !c.Simple))
        {
            return IndicatorMatrix.ParseCsv(File.ReadAllText(path), unitIdColumn, attributeColumns);
        }

        int rows = 0, firstLine = headerLine + 1;
        foreach (var chunk in chunks)
        {
            (chunk.FirstRow, chunk.FirstLine) = (rows, firstLine);
            rows += chunk.Records;
            firstLine += chunk.Lines;
        }

        var ids = new string[rows];
        // Every row of every column is written by its chunk before the matrix is returned (a failed load throws), so the
        // columns skip the clearing that fresh arrays get: 800 MB for a million units × 100 indicators.
        var numbers = layout.Numeric.Select(_ => GC.AllocateUninitializedArray<double>(rows)).ToArray();

        var texts = layout.Attributes.Select(_ => new string?[rows]).ToArray();
        Parallel.For(0, chunks.Length, parallel, c => chunks[c].Parse(file, layout, ids, numbers, texts));

        // A row that failed after its id was read (a bad number) is checked for a repeated id first, as ParseCsv does;
        // the first error in row order wins.
        var failed = chunks.Where(c => c.Error is not null).MinBy(c => c.ErrorRow);
        var lastRow = failed is null ? rows : Math.Min(rows, failed.ErrorRow + 1);
        var repeat = UnitIdCheck.FirstRepeat(ids, lastRow, parallel);
        if (repeat >= 0)
        {
            var chunk = chunks.Last(c => c.FirstRow <= repeat);
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {chunk.LineOfRow(file, repeat)}: unit id '{ids[repeat]}' repeats."));
        }

        if (failed is not null)
        {
            throw new FormatException(failed.Error);
        }

        // The ids are checked unique: the matrix builds its index of them when it is first asked for a unit.
        return new IndicatorMatrix(ids, [.. layout.Numeric.Select(i => header[i])], numbers, [.. attributeColumns], texts, unitIdsChecked: true);
    }

    /// <summary>Cuts [start, length) into chunks that begin at line starts (about 1 MB each, at least four per thread).</summary>
    private static MatrixCsvChunk[] Chunks(MatrixCsvFile file, int start, int maxDegreeOfParallelism)
    {
        var size = file.Length - start;
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var count = Math.Max(1, Math.Max(threads * 4, size / TargetChunkBytes));
        var starts = new List<int> { start };
        for (var c = 1; c < count; c++)
        {
            var nominal = start + (int)((long)size * c / count);
            if (nominal <= starts[^1])
            {
                continue;
            }

            var (_, end) = file.ReadLine(nominal - 1);
            if (end + 1 < file.Length && end + 1 > starts[^1])
            {
                starts.Add(end + 1);
            }
        }

        starts.Add(file.Length);
        return [.. starts.Zip(starts.Skip(1), (a, b) => new MatrixCsvChunk(a, b))];
    }
}
