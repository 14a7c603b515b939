using BRVT.Dti.Plugins;

namespace BRVT.Dti.Sources.Excel;

/// <summary>The plugin entry point: registers the <c>xlsx</c> source type.</summary>
public sealed class ExcelPlugin : IDtiPlugin
{
    /// <inheritdoc />
    public string Name => "BRVT.Dti.Sources.Excel";

    /// <inheritdoc />
    public void Register(IDtiBuilder builder) => builder.AddExcelSources();
}
