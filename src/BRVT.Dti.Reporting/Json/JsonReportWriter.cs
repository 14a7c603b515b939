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
        using var buffer = new MemoryStream();
        AssessmentResultJson.Write(content.Result, buffer, cancellationToken);
        await ReportBytes.WriteAsync(destination, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}
