using System.Reflection;
using System.Runtime.Loader;
using BRVT.Dti.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace BRVT.Dti.Plugins.Tests.Plugins;

public sealed class PluginLoaderTests
{
    [Fact]
    public void LoadAll_GoodPlugin_ItsIDtiPluginIsTheHostsType()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var loaded = Assert.Single(new PluginLoader(folder.Root).LoadAll());

        var pluginType = loaded.Assembly.GetType("BRVT.Dti.TestPlugins.GoodPlugin", throwOnError: true)!;
        Assert.Same(typeof(IDtiPlugin), pluginType.GetInterface(nameof(IDtiPlugin)));
        Assert.IsType(pluginType, Assert.Single(loaded.Plugins));
        Assert.Equal("good", loaded.Plugins[0].Name);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void LoadAll_GoodPlugin_HasItsOwnContextThatSharesTheContracts()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var loaded = Assert.Single(new PluginLoader(folder.Root).LoadAll());

        Assert.NotSame(AssemblyLoadContext.Default, loaded.LoadContext);
        Assert.False(loaded.LoadContext.IsCollectible);
        Assert.Equal(Path.Combine(loaded.Folder, "GoodPlugin.dll"), loaded.Assembly.Location);
        Assert.Same(typeof(IDtiPlugin).Assembly, loaded.LoadContext.LoadFromAssemblyName(new AssemblyName("BRVT.Dti.Abstractions")));
        Assert.Same(typeof(DtiEngine).Assembly, loaded.LoadContext.LoadFromAssemblyName(new AssemblyName("BRVT.Dti.Core")));
        Assert.Same(typeof(IServiceCollection).Assembly, loaded.LoadContext.LoadFromAssemblyName(new AssemblyName("Microsoft.Extensions.DependencyInjection.Abstractions")));
        Assert.Same(typeof(Microsoft.Extensions.Logging.ILogger).Assembly, loaded.LoadContext.LoadFromAssemblyName(new AssemblyName("Microsoft.Extensions.Logging.Abstractions")));
    }

    [Fact]
    public void LoadAll_PrivateDependency_IsLoadedFromThePluginFolderBesideTheHostsOwnVersion()
    {
        using var folder = new PluginsFolder("JsonPlugin");
        var loaded = Assert.Single(new PluginLoader(folder.Root).LoadAll());

        // The plugin runs with its Newtonsoft.Json 13.0.1 while the host has 13.0.3 loaded (through NJsonSchema).
        Assert.StartsWith("json 13.0.1.", loaded.Plugins[0].Name, StringComparison.Ordinal);
        Assert.StartsWith("13.0.3.", FileVersion(typeof(JsonConvert).Assembly), StringComparison.Ordinal);
        var theirs = Assert.Single(loaded.LoadContext.Assemblies, a => a.GetName().Name == "Newtonsoft.Json");
        Assert.NotSame(typeof(JsonConvert).Assembly, theirs);
        Assert.Equal(Path.Combine(loaded.Folder, "Newtonsoft.Json.dll"), theirs.Location);
    }

    [Fact]
    public void LoadAll_TwoVersionsOfOneDependency_EachPluginLoadsItsOwnInItsOwnContext()
    {
        using var folder = new PluginsFolder("JsonOldPlugin", "JsonPlugin");
        var loaded = new PluginLoader(folder.Root).LoadAll();

        Assert.Equal(["JsonOldPlugin", "JsonPlugin"], loaded.Select(p => p.Name));
        Assert.StartsWith("json 12.0.3.", loaded[0].Plugins[0].Name, StringComparison.Ordinal);
        Assert.StartsWith("json 13.0.1.", loaded[1].Plugins[0].Name, StringComparison.Ordinal);
        Assert.NotSame(loaded[0].LoadContext, loaded[1].LoadContext);
        var versions = loaded.Select(p => p.LoadContext.Assemblies.Single(a => a.GetName().Name == "Newtonsoft.Json").GetName().Version).ToList();
        Assert.Equal([new Version(12, 0, 0, 0), new Version(13, 0, 0, 0)], versions);

        // Both rules, each using its own Newtonsoft.Json, work side by side in one engine.
        var services = new ServiceCollection();
        services.AddDti().AddPluginsFrom(folder.Root);
        using var provider = services.BuildServiceProvider();
        var rules = provider.GetServices<IScoringRule>().Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["json-scaled-jsonoldplugin", "json-scaled-jsonplugin"], rules);
        Assert.Contains("json-scaled-jsonoldplugin", provider.GetRequiredService<DtiEngine>().RuleNames);
    }

    [Fact]
    public void LoadAll_Twice_ReturnsTheSameInstancesAndContexts()
    {
        using var folder = new PluginsFolder("GoodPlugin", "JsonPlugin");
        var first = new PluginLoader(folder.Root).LoadAll();
        var again = new PluginLoader(folder.Root).LoadAll();
        var third = new PluginLoader(folder.Root + Path.DirectorySeparatorChar).LoadAll();

        Assert.Equal(first, again);
        Assert.Equal(first, third);
        Assert.Same(first[0].Plugins[0], again[0].Plugins[0]);
        var contexts = AssemblyLoadContext.All.Where(c => c.Assemblies.Any(a => a.Location.StartsWith(folder.Root, StringComparison.Ordinal)));
        Assert.Equal(2, contexts.Count());
    }

    [Fact]
    public void LoadAll_EmptyFolderAndDotFolders_LoadsNothing()
    {
        using var folder = new PluginsFolder();
        Directory.CreateDirectory(Path.Combine(folder.Root, ".cache"));
        File.WriteAllText(Path.Combine(folder.Root, "README.md"), "plugins go here");
        Assert.Empty(new PluginLoader(folder.Root).LoadAll());
    }

    [Fact]
    public void LoadAll_SeveralPlugins_InNameOrder()
    {
        using var folder = new PluginsFolder("JsonPlugin", "GoodPlugin", "CopiedContractsPlugin");
        Assert.Equal(["CopiedContractsPlugin", "GoodPlugin", "JsonPlugin"], new PluginLoader(folder.Root).LoadAll().Select(p => p.Name));
    }

    [Fact]
    public void SharedAssemblyNames_ListsTheContractsAndTheMicrosoftExtensionsAbstractions()
    {
        Assert.Equal(
            ["BRVT.Dti.Abstractions", "BRVT.Dti.Core", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives"],
            PluginLoader.SharedAssemblyNames);
    }

    private static string FileVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version;
}
