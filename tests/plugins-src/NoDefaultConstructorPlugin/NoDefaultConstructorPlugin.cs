using BRVT.Dti.Plugins;

namespace BRVT.Dti.TestPlugins;

/// <summary>A plugin that wants its options through the constructor.</summary>
public sealed class NoDefaultConstructorPlugin(string connectionString) : IDtiPlugin
{
    public string Name => "no-default-constructor " + connectionString;

    public void Register(IDtiBuilder builder)
    {
    }
}
