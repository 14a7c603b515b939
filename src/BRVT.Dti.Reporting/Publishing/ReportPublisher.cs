namespace BRVT.Dti.Reporting;

/// <summary>
/// Writes every selected report into an output folder atomically: each writer writes a temporary file in that folder,
/// and only when all of them have succeeded are the files renamed over their final names. A reader never sees half a
/// report, and a failing writer replaces nothing.
/// </summary>
/// <remarks>Immutable and thread-safe; publishing to the same folder concurrently is not supported.</remarks>
public sealed class ReportPublisher
{
    private readonly IReportWriter[] writers;

    /// <summary>Creates a publisher over a set of writers.</summary>
    /// <param name="writers">The writers, in the order their reports are listed; names and file names must be unique.</param>
    /// <exception cref="ArgumentException">Two writers share a name or a file name, or a file name is not a plain file name.</exception>
    public ReportPublisher(IEnumerable<IReportWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        this.writers = [.. writers];
        foreach (var writer in this.writers)
        {
            ArgumentNullException.ThrowIfNull(writer, nameof(writers));
            if (string.IsNullOrWhiteSpace(writer.FileName) || writer.FileName != Path.GetFileName(writer.FileName) || writer.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new ArgumentException($"The report writer '{writer.Name}' has the file name '{writer.FileName}', which is not a plain file name such as 'report.html'.", nameof(writers));
            }
        }

        var duplicateName = this.writers.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicateName is not null)
        {
            throw new ArgumentException($"Two report writers are named '{duplicateName.Key}' ({string.Join(", ", duplicateName.Select(w => w.GetType().FullName))}); give each format a unique name.", nameof(writers));
        }

        var duplicateFile = this.writers.GroupBy(w => w.FileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicateFile is not null)
        {
            throw new ArgumentException($"The report writers {string.Join(" and ", duplicateFile.Select(w => $"'{w.Name}'"))} both write '{duplicateFile.Key}'; give each a unique file name.", nameof(writers));
        }
    }

    /// <summary>The writers, in order.</summary>
    public IReadOnlyList<IReportWriter> Writers => writers;

    /// <summary>A publisher with the built-in writers: JSON, CSV, Markdown, Excel and HTML.</summary>
    /// <returns>The publisher.</returns>
    public static ReportPublisher CreateDefault() =>
        new([new JsonReportWriter(), new CsvReportWriter(), new MarkdownReportWriter(), new ExcelReportWriter(), new HtmlReportWriter()]);

    /// <summary>Writes the selected reports into a folder, creating it when needed.</summary>
    /// <param name="content">What to report on.</param>
    /// <param name="outputDirectory">The folder to write to.</param>
    /// <param name="formats">The <see cref="IReportWriter.Name"/>s of the reports to write (any case), or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the publishing; no report is replaced once it is cancelled.</param>
    /// <returns>The files written, in the writers' order.</returns>
    /// <exception cref="ArgumentException">A format is not the name of any writer.</exception>
    /// <exception cref="ReportWriterException">A writer failed or a file could not be put in place; no partial file is left.</exception>
    public async Task<IReadOnlyList<PublishedReport>> PublishAsync(
        ReportContent content,
        string outputDirectory,
        IEnumerable<string>? formats = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var selected = Select(formats);
        var directory = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ReportWriterException(string.Empty, $"The output folder '{directory}' cannot be created: {exception.Message} Choose another folder with --out or fix its permissions.", exception);
        }

        var temporaries = new List<(IReportWriter Writer, string Temporary, string Final)>();
        try
        {
            foreach (var writer in selected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var final = Path.Combine(directory, writer.FileName);
                var temporary = Path.Combine(directory, $".{writer.FileName}.{Guid.NewGuid():N}.tmp");
                temporaries.Add((writer, temporary, final));
                await WriteTemporaryAsync(writer, content, temporary, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var published = new List<PublishedReport>(temporaries.Count);
            foreach (var (writer, temporary, final) in temporaries)
            {
                try
                {
                    var length = new FileInfo(temporary).Length;
                    File.Move(temporary, final, overwrite: true);
                    published.Add(new PublishedReport(writer.Name, final, length));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new ReportWriterException(writer.Name, $"The {writer.Name} report could not be put in place at '{final}': {exception.Message} Close the file if another program (Excel, a browser) holds it open, then run again.", exception);
                }
            }

            return published;
        }
        finally
        {
            foreach (var (_, temporary, _) in temporaries)
            {
                TryDelete(temporary);
            }
        }
    }

    private List<IReportWriter> Select(IEnumerable<string>? formats)
    {
        if (formats is null)
        {
            return [.. writers];
        }

        var selected = new List<IReportWriter>();
        foreach (var format in formats)
        {
            var writer = writers.FirstOrDefault(w => string.Equals(w.Name, format?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"There is no report format '{format}'. Known formats: {string.Join(", ", writers.Select(w => w.Name))}.", nameof(formats));
            if (!selected.Contains(writer))
            {
                selected.Add(writer);
            }
        }

        // Keep the writers' order whatever the order of the selection.
        return [.. writers.Where(selected.Contains)];
    }

    private static async Task WriteTemporaryAsync(IReportWriter writer, ReportContent content, string temporary, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await writer.WriteAsync(content, stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not ReportWriterException)
        {
            throw new ReportWriterException(writer.Name, $"The {writer.Name} report writer ({writer.GetType().FullName}) failed: {exception.Message} No report was replaced.", exception);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be deleted is harmless: its name starts with a dot and ends in .tmp.
        }
    }
}
