namespace BRVT.Dti.Reporting;

/// <summary>
/// Writes one report format (JSON, CSV, Markdown, Excel, HTML…) of an assessment. Writers are registered in the
/// service collection (<c>builder.AddReportWriter&lt;T&gt;()</c>), so that plugins can add formats; the report
/// publisher runs the selected writers and writes their files atomically.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic: the same <see cref="ReportContent"/> must give the same
/// bytes (no clock time, no machine culture, no random order). A writer never closes the stream it is given.
/// </remarks>
public interface IReportWriter
{
    /// <summary>The format's identifier, unique among registered writers, e.g. <c>json</c>, <c>csv</c>, <c>html</c>.</summary>
    string Name { get; }

    /// <summary>The file name the publisher gives the report, with its extension, e.g. <c>report.html</c>.</summary>
    string FileName { get; }

    /// <summary>Writes the report.</summary>
    /// <param name="content">What to report on.</param>
    /// <param name="destination">The stream to write to; it is left open.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the report is written and flushed to <paramref name="destination"/>.</returns>
    Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default);
}
