namespace BRVT.Dti.Reporting;

/// <summary>
/// The full result as JSON (<c>results.json</c>): every unit's score on every node and view, ranks, bands, data issues
/// and the run manifest, in the deterministic form of <see cref="AssessmentResultJson"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public string FileName => "results.json";

    /// <inheritdoc />
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(destination);
        // Straight to the destination, 64 KiB at a time: no copy of a result that can be tens of mebibytes. A cancelled
        // write leaves part of the text there; the publisher deletes its temporary file.
        AssessmentResultJson.Write(content.Result, destination, cancellationToken);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
