using BRVT.Dti.Plugins;

namespace BRVT.Dti.Sources.Http;

/// <summary>The plugin entry point: registers the <c>http-json</c> source type.</summary>
public sealed class HttpPlugin : IDtiPlugin
{
    /// <inheritdoc />
    public string Name => "BRVT.Dti.Sources.Http";

    /// <inheritdoc />
    public void Register(IDtiBuilder builder) => builder.AddHttpSources();
}
