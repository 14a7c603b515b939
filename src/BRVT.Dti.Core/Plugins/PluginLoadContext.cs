using System.Reflection;
using System.Runtime.Loader;

namespace BRVT.Dti.Plugins;

/// <summary>
/// The load context of one plugin. It resolves, in this order: the assemblies the host shares (its own copies, so
/// <c>IDtiPlugin</c> is the host's), the plugin's own dependencies through its <c>.deps.json</c> (only files inside its
/// folder), and the .NET framework (left to the default context). Anything else is refused with a message naming the
/// plugin and its folder, rather than silently taken from the host's folder.
/// </summary>
/// <remarks>Not collectible: plugins are never unloaded in this version.</remarks>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly string pluginName;
    private readonly string folder;
    private readonly AssemblyDependencyResolver resolver;
    private readonly HostAssemblies host;

    public PluginLoadContext(string pluginName, string folder, AssemblyDependencyResolver resolver, HostAssemblies host)
        : base("BRVT.Dti plugin " + pluginName, isCollectible: false)
    {
        this.pluginName = pluginName;
        this.folder = folder;
        this.resolver = resolver;
        this.host = host;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null)
        {
            return null;
        }

        if (host.Shared(name) is { } shared)
        {
            return shared;
        }

        if (resolver.ResolveAssemblyToPath(assemblyName) is { } path)
        {
            var real = PluginPaths.RealPath(path);
            if (!PluginPaths.IsInside(real, folder))
            {
                throw new FileLoadException(
                    $"Plugin '{pluginName}': {name} resolves to {real}, outside the plugin's folder {folder}. Copy the file into the folder instead of linking to it.",
                    assemblyName.FullName);
            }

            return LoadFromAssemblyPath(real);
        }

        if (!string.IsNullOrEmpty(assemblyName.CultureName) || HostAssemblies.IsFramework(name))
        {
            return null; // satellite resources fall back quietly; the framework comes from the default context
        }

        throw new FileNotFoundException(
            $"Plugin '{pluginName}' needs {assemblyName.FullName}, which is not in its folder {folder} and is not shared by the host. " +
            $"Publish the plugin with `dotnet publish -o plugins/{pluginName}` so that its dependencies are copied next to it.",
            assemblyName.FullName);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        if (resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path)
        {
            var real = PluginPaths.RealPath(path);
            if (PluginPaths.IsInside(real, folder))
            {
                return LoadUnmanagedDllFromPath(real);
            }
        }

        return IntPtr.Zero; // the operating system's own libraries
    }
}
