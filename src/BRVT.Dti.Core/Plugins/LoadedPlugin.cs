using System.Reflection;
using System.Runtime.Loader;

namespace BRVT.Dti.Plugins;

/// <summary>
/// A plugin assembly loaded from <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c> into its own <see cref="AssemblyLoadContext"/>,
/// with the <see cref="IDtiPlugin"/> instances it defines. A process loads each plugin file once: loading the folder
/// again returns the same instance.
/// </summary>
/// <remarks>Immutable and thread-safe. Plugins are never unloaded (see docs/plugins.md).</remarks>
public sealed class LoadedPlugin
{
    internal LoadedPlugin(string name, string folder, Assembly assembly, IReadOnlyList<IDtiPlugin> plugins, IReadOnlyList<string> warnings)
    {
        Name = name;
        Folder = folder;
        Assembly = assembly;
        Plugins = plugins;
        Warnings = warnings;
    }

    /// <summary>The plugin's name: its folder's name, which is also its assembly's name.</summary>
    public string Name { get; }

    /// <summary>The plugin's folder, as a full path with links resolved.</summary>
    public string Folder { get; }

    /// <summary>The plugin's assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>The plugin's own load context (one per plugin, never shared, never unloaded).</summary>
    public AssemblyLoadContext LoadContext => AssemblyLoadContext.GetLoadContext(Assembly)!;

    /// <summary>One instance of each public <see cref="IDtiPlugin"/> class of the assembly, in the order of their full names.</summary>
    public IReadOnlyList<IDtiPlugin> Plugins { get; }

    /// <summary>Problems that did not stop the plugin, each saying how to fix it (e.g. a copy of the contracts in its folder).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
