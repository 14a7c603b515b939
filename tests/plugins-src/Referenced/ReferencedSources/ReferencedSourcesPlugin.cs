using BRVT.Dti.Plugins;

namespace BRVT.Dti.TestPlugins;

/// <summary>The same registration for hosts that load plugins from a folder.</summary>
public sealed class ReferencedSourcesPlugin : IDtiPlugin
{
    public string Name => "referenced-sources";

    public void Register(IDtiBuilder builder) => builder.AddFixedSources();
}
