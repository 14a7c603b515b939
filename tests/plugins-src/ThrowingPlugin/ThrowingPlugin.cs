using BRVT.Dti.Plugins;

namespace BRVT.Dti.TestPlugins;

/// <summary>A plugin whose registration fails.</summary>
public sealed class ThrowingPlugin : IDtiPlugin
{
    public string Name => "throwing";

    public void Register(IDtiBuilder builder) =>
        throw new InvalidOperationException("The throwing plugin needs a licence key in DTI_LICENCE.");
}
