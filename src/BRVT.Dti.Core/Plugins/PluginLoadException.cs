namespace BRVT.Dti.Plugins;

/// <summary>
/// A plugin could not be loaded from its folder or could not register its services. The message names the plugin, the
/// assembly and the folder, says what is wrong and how to fix it; <see cref="Exception.InnerException"/> keeps the
/// runtime's own exception, if there was one.
/// </summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the plugin failed.</param>
    /// <param name="pluginName">The plugin's name (its folder's name).</param>
    /// <param name="assemblyName">The assembly concerned: the plugin's own, or the dependency at fault.</param>
    /// <param name="folder">The plugin's folder.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The runtime's exception, or <see langword="null"/>.</param>
    public PluginLoadException(PluginLoadFailure failure, string pluginName, string assemblyName, string folder, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        PluginName = pluginName;
        AssemblyName = assemblyName;
        Folder = folder;
    }

    /// <summary>Creates the exception.</summary>
    public PluginLoadException()
        : this("A plugin could not be loaded.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PluginLoadException(string message)
        : base(message)
    {
        PluginName = string.Empty;
        AssemblyName = string.Empty;
        Folder = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        PluginName = string.Empty;
        AssemblyName = string.Empty;
        Folder = string.Empty;
    }

    /// <summary>Why the plugin failed.</summary>
    public PluginLoadFailure Failure { get; }

    /// <summary>The plugin's name: the name of its folder under the plugins folder.</summary>
    public string PluginName { get; }

    /// <summary>The simple name of the assembly concerned: the plugin's own, or the dependency at fault.</summary>
    public string AssemblyName { get; }

    /// <summary>The plugin's folder (<c>plugins/&lt;Name&gt;</c>) as a full path, or the plugins folder itself.</summary>
    public string Folder { get; }
}
