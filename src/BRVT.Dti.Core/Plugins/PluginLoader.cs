using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BRVT.Dti.Plugins;

/// <summary>
/// Loads every plugin of a folder laid out as <c>dotnet publish</c> leaves it: <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>
/// with its <c>.deps.json</c> and dependencies. Each plugin gets its own <see cref="AssemblyLoadContext"/>, which takes
/// <see cref="SharedAssemblyNames"/> from the host (so a plugin's <see cref="IDtiPlugin"/> is the host's), the plugin's
/// own dependencies from its folder only, and .NET from the runtime. Every failure is a <see cref="PluginLoadException"/>
/// naming the plugin, the assembly and the folder, and saying how to fix it.
/// </summary>
/// <remarks>
/// <para>Thread-safe. A process loads each plugin file once: a second loader over the same folder, or a second
/// <see cref="LoadAll"/>, returns the same <see cref="LoadedPlugin"/> instances. Plugins are never unloaded (no hot reload).</para>
/// <para>Nothing is read from outside the folder: a plugin folder, assembly or dependency that is a link leading outside
/// its plugin's folder is refused, and a dependency missing from the folder is reported rather than taken from the host.</para>
/// </remarks>
public sealed partial class PluginLoader
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, LoadedPlugin> Loaded = new(StringComparer.Ordinal);

    private readonly HostAssemblies host;
    private readonly ILogger logger;

    /// <summary>Creates a loader over a plugins folder.</summary>
    /// <param name="folder">The plugins folder (relative paths resolve against the current directory).</param>
    /// <param name="logger">
    /// Receives warnings (a copy of the contracts in a plugin folder), one error per plugin that cannot be loaded and one
    /// line per plugin loaded; <see langword="null"/> for none.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    public PluginLoader(string folder, ILogger? logger = null)
        : this(folder, logger, HostAssemblies.DefaultSharedNames)
    {
    }

    /// <summary>Creates a loader that shares other assemblies than the default ones (tests only).</summary>
    internal PluginLoader(string folder, ILogger? logger, IEnumerable<string> sharedAssemblyNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        this.logger = logger ?? NullLogger.Instance;
        host = new HostAssemblies(sharedAssemblyNames);
    }

    /// <summary>
    /// The assemblies every plugin takes from the host rather than from its folder, when the host has them:
    /// BRVT.Dti.Abstractions, BRVT.Dti.Core, Microsoft.Extensions.DependencyInjection.Abstractions,
    /// Microsoft.Extensions.Logging.Abstractions, Microsoft.Extensions.Options and Microsoft.Extensions.Primitives.
    /// </summary>
    public static IReadOnlyList<string> SharedAssemblyNames => HostAssemblies.DefaultSharedNames;

    /// <summary>The plugins folder, as a full path.</summary>
    public string Folder { get; }

    /// <summary>
    /// Loads every plugin of the folder: each subfolder (except those whose name starts with a dot) is one plugin. Creates
    /// one instance of each public <see cref="IDtiPlugin"/> class; does not call <see cref="IDtiPlugin.Register"/>. A plugin
    /// that cannot be loaded is listed in <see cref="PluginLoadResult.Failures"/> and does not stop the others.
    /// </summary>
    /// <returns>The plugins loaded and the failures, each in the ordinal order of the plugins' names.</returns>
    public PluginLoadResult Load()
    {
        if (!Directory.Exists(Folder))
        {
            return new PluginLoadResult([], [PluginMessages.FolderNotFound(Folder)]);
        }

        var root = PluginPaths.RealPath(Folder);
        var folders = Directory.EnumerateDirectories(Folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var plugins = new List<LoadedPlugin>(folders.Count);
        var failures = new List<PluginLoadException>();
        foreach (var folder in folders)
        {
            LoadedPlugin plugin;
            try
            {
                plugin = LoadOne(root, folder);
            }
            catch (PluginLoadException failure)
            {
                LogFailed(logger, failure.Message);
                failures.Add(failure);
                continue;
            }

            foreach (var warning in plugin.Warnings)
            {
                LogWarning(logger, warning);
            }

            plugins.Add(plugin);
        }

        return new PluginLoadResult(plugins, failures);
    }

    /// <summary>Loads every plugin of the folder, as <see cref="Load"/> does, and fails if any plugin cannot be loaded.</summary>
    /// <returns>The plugins, in the ordinal order of their names.</returns>
    /// <exception cref="PluginLoadException">
    /// The folder does not exist, or a plugin cannot be loaded (when several cannot, the message lists them all).
    /// </exception>
    public IReadOnlyList<LoadedPlugin> LoadAll() => Load().EnsureSuccess();

    private LoadedPlugin LoadOne(string root, string folder)
    {
        var name = Path.GetFileName(folder);
        var site = Locate(root, folder, name);
        lock (Gate)
        {
            var key = site.MainPath + "|" + host.SharingKey;
            if (!Loaded.TryGetValue(key, out var plugin))
            {
                plugin = LoadNew(site);
                Loaded.Add(key, plugin);
                LogLoaded(logger, plugin.Name, plugin.Plugins.Count, plugin.Folder);
            }

            return plugin;
        }
    }

    private static PluginSite Locate(string root, string folder, string name)
    {
        var realFolder = RealPath(root, name, folder);
        if (!PluginPaths.IsInside(realFolder, root))
        {
            throw PluginMessages.FolderOutside(root, name, folder, realFolder);
        }

        if (HostAssemblies.HostAssemblyPath(name) is { } hostPath)
        {
            throw PluginMessages.AlreadyInHost(root, name, realFolder, hostPath);
        }

        var main = Path.Combine(realFolder, name + ".dll");
        if (!File.Exists(main))
        {
            throw PluginMessages.MissingAssembly(root, name, realFolder);
        }

        var site = new PluginSite(name, realFolder, main, PluginSite.DisplayOf(root, name));
        var realMain = RealPath(root, name, main);
        if (!PluginPaths.IsInside(realMain, realFolder))
        {
            throw PluginMessages.AssemblyOutside(site, main, realMain);
        }

        return site with { MainPath = realMain };
    }

    private LoadedPlugin LoadNew(PluginSite site)
    {
        var identity = PluginReferenceCheck.ReadName(site, site.MainPath).Name ?? site.Name;
        if ((host.Shared(identity)?.Location ?? HostAssemblies.HostAssemblyPath(identity)) is { } hostPath)
        {
            throw PluginMessages.AlreadyInHost(Path.GetDirectoryName(site.Folder)!, site.Name, site.Folder, hostPath);
        }

        var warnings = HostAssemblies.DefaultSharedNames
            .Where(shared => host.Shared(shared) is not null && File.Exists(Path.Combine(site.Folder, shared + ".dll")))
            .Select(shared => PluginMessages.SharedCopyWarning(site, shared))
            .ToList();

        AssemblyDependencyResolver resolver;
        try
        {
            resolver = new AssemblyDependencyResolver(site.MainPath);
        }
        catch (InvalidOperationException e)
        {
            throw PluginMessages.InvalidDeps(site, e);
        }

        PluginReferenceCheck.Run(site, resolver, host);

        var context = new PluginLoadContext(site.Name, site.Folder, resolver, host);
        Assembly assembly;
        List<IDtiPlugin> plugins;
        try
        {
            assembly = context.LoadFromAssemblyPath(site.MainPath);
            plugins = CreatePlugins(site, assembly);
        }
        catch (ReflectionTypeLoadException e)
        {
            throw PluginMessages.LoadFailed(site, e.LoaderExceptions.FirstOrDefault(x => x is not null) ?? e);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            throw PluginMessages.LoadFailed(site, e);
        }

        return new LoadedPlugin(site.Name, site.Folder, assembly, plugins, warnings);
    }

    private static List<IDtiPlugin> CreatePlugins(PluginSite site, Assembly assembly)
    {
        var contract = typeof(IDtiPlugin);
        var types = assembly.GetTypes().Where(t => t.IsClass).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        foreach (var type in types)
        {
            var foreign = type.GetInterfaces().FirstOrDefault(i => i.FullName == contract.FullName && i != contract);
            if (foreign is not null)
            {
                throw PluginMessages.ContractsCopied(site, foreign);
            }
        }

        var implementations = types.Where(t => !t.IsAbstract && !t.ContainsGenericParameters && contract.IsAssignableFrom(t)).ToList();
        var entryPoints = implementations.Where(t => t.IsVisible).ToList();
        if (entryPoints.Count == 0)
        {
            var exported = assembly.GetTypes().Where(t => t.IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
            throw PluginMessages.NoEntryPoint(site, exported, implementations);
        }

        var plugins = new List<IDtiPlugin>(entryPoints.Count);
        foreach (var type in entryPoints)
        {
            if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
            {
                throw PluginMessages.NoParameterlessConstructor(site, type);
            }

            try
            {
                plugins.Add((IDtiPlugin)constructor.Invoke(null));
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw PluginMessages.ConstructorFailed(site, type, e.InnerException);
            }
        }

        return plugins;
    }

    private static string RealPath(string root, string name, string path)
    {
        try
        {
            return PluginPaths.RealPath(path);
        }
        catch (IOException e)
        {
            throw new PluginLoadException(PluginLoadFailure.OutsideFolder, name, name, path,
                $"Plugin '{name}': the link {path} cannot be resolved ({e.Message}). Copy the plugin into {Path.Combine(root, name)} instead of linking to it.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Failure}")]
    private static partial void LogFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded plugin {Plugin} ({EntryPoints} entry points) from {Folder}")]
    private static partial void LogLoaded(ILogger logger, string plugin, int entryPoints, string folder);
}
