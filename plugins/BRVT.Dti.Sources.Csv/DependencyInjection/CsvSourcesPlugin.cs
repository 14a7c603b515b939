using BRVT.Dti.Plugins;

namespace BRVT.Dti.Sources.Csv;

/// <summary>The plugin entry point: registers the <c>csv-long</c>, <c>csv-wide</c> and <c>csv-records</c> source types.</summary>
/// <remarks>Immutable and thread-safe; registering twice is harmless.</remarks>
public sealed class CsvSourcesPlugin : IDtiPlugin
{
    /// <inheritdoc />
    public string Name => "BRVT.Dti.Sources.Csv";

    /// <inheritdoc />
    public void Register(IDtiBuilder builder) => builder.AddCsvSources();
}
