namespace BRVT.Dti.Plugins;

/// <summary>
/// The entry point of a plugin assembly: it registers data sources, scoring rules or report writers.
/// A plugin talks to the host and to other plugins only through the types of this assembly.
/// </summary>
public interface IDtiPlugin
{
    /// <summary>The plugin's name, used in messages.</summary>
    string Name { get; }

    /// <summary>Registers the plugin's services; must be harmless when called twice.</summary>
    /// <param name="builder">The builder to register into.</param>
    void Register(IDtiBuilder builder);
}
