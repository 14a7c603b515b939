using BRVT.Dti.Plugins;

namespace BRVT.Dti.TestPlugins;

/// <summary>A plugin written for a host with the 2.x contracts.</summary>
public sealed class NewerContractsPlugin : IDtiPlugin
{
    public string Name => "newer-contracts";

    public void Register(IDtiBuilder builder)
    {
    }
}
