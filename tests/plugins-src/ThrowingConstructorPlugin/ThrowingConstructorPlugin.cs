using BRVT.Dti.Plugins;

namespace BRVT.Dti.TestPlugins;

/// <summary>A plugin that does work in its constructor, and fails.</summary>
public sealed class ThrowingConstructorPlugin : IDtiPlugin
{
    public ThrowingConstructorPlugin() =>
        throw new InvalidOperationException("DTI_HOME is not set.");

    public string Name => "throwing-constructor";

    public void Register(IDtiBuilder builder)
    {
    }
}
