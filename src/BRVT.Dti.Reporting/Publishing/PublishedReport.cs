namespace BRVT.Dti.Reporting;

/// <summary>A report file the publisher wrote.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Format">The writer's <see cref="IReportWriter.Name"/>.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="Length">The file's length in bytes.</param>
public sealed record PublishedReport(string Format, string Path, long Length);
