using BRVT.Dti.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Plugins.Tests.Plugins;

/// <summary>Loading lists what loaded and what failed; the host decides; the strict paths throw.</summary>
public sealed class PluginLoadResultTests
{
    [Fact]
    public void Load_OneBrokenPlugin_LoadsTheOthersAndListsTheFailure()
    {
        using var folder = new PluginsFolder("GoodPlugin", "JsonPlugin", "NoEntryPointPlugin");
        var logger = new ListLogger();

        var result = new PluginLoader(folder.Root, logger).Load();

        Assert.False(result.Succeeded);
        Assert.Equal(["GoodPlugin", "JsonPlugin"], result.Loaded.Select(p => p.Name));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(PluginLoadFailure.NoEntryPoint, failure.Failure);
        Assert.Equal("NoEntryPointPlugin", failure.PluginName);
        Assert.Equal([failure.Message], logger.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));
        Assert.Same(failure, Assert.Throws<PluginLoadException>(() => result.EnsureSuccess()));
    }

    [Fact]
    public void Load_AllGood_Succeeds()
    {
        using var folder = new PluginsFolder("GoodPlugin", "JsonPlugin");

        var result = new PluginLoader(folder.Root).Load();

        Assert.True(result.Succeeded);
        Assert.Empty(result.Failures);
        Assert.Equal(result.Loaded, result.EnsureSuccess());
    }

    [Fact]
    public void Load_FolderMissing_IsAFailureNotAnException()
    {
        using var folder = new PluginsFolder();
        var missing = Path.Combine(folder.Temp, "absent");

        var result = new PluginLoader(missing).Load();

        Assert.Empty(result.Loaded);
        Assert.Equal(PluginLoadFailure.FolderNotFound, Assert.Single(result.Failures).Failure);
    }

    [Fact]
    public void LoadAll_TwoBrokenPlugins_ListsBothInOneException()
    {
        using var folder = new PluginsFolder("GoodPlugin", "NoDefaultConstructorPlugin", "NoEntryPointPlugin");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.StartsWith("2 plugins could not be loaded:", exception.Message, StringComparison.Ordinal);
        Assert.Equal(PluginLoadFailure.NoParameterlessConstructor, exception.Failure);
        Assert.Equal("NoDefaultConstructorPlugin", exception.PluginName);
        Assert.Contains("Plugin 'NoEntryPointPlugin': NoEntryPointPlugin.dll", exception.Message, StringComparison.Ordinal);
        Assert.Equal(PluginLoadFailure.NoParameterlessConstructor, Assert.IsType<PluginLoadException>(exception.InnerException).Failure);
    }

    [Fact]
    public void AddPluginsFrom_OneBrokenPlugin_RegistersNothing()
    {
        using var folder = new PluginsFolder("GoodPlugin", "NoEntryPointPlugin");
        var services = new ServiceCollection();
        var builder = services.AddDti();
        var before = services.Count;

        var exception = Assert.Throws<PluginLoadException>(() => builder.AddPluginsFrom(folder.Root));

        Assert.Equal(PluginLoadFailure.NoEntryPoint, exception.Failure);
        Assert.Equal(before, services.Count);
    }

    [Fact]
    public void TryAddPluginsFrom_BrokenAndThrowingPlugins_RegistersTheOthersAndListsBoth()
    {
        using var folder = new PluginsFolder("GoodPlugin", "JsonPlugin", "NoEntryPointPlugin", "ThrowingPlugin");
        var services = new ServiceCollection();

        var result = services.AddDti().TryAddPluginsFrom(folder.Root);

        Assert.Equal(["GoodPlugin", "JsonPlugin"], result.Loaded.Select(p => p.Name));
        Assert.Equal(
            [("NoEntryPointPlugin", PluginLoadFailure.NoEntryPoint), ("ThrowingPlugin", PluginLoadFailure.RegisterFailed)],
            result.Failures.Select(f => (f.PluginName, f.Failure)));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["GoodPlugin", "JsonPlugin"], provider.GetServices<LoadedPlugin>().Select(p => p.Name));
        Assert.Equal(["json-scaled-jsonplugin", "square"], provider.GetServices<IScoringRule>().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("square", provider.GetRequiredService<DtiEngine>().RuleNames);
    }

    [Fact]
    public void TryAddPluginsFrom_Twice_RegistersEachPluginOnce()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var services = new ServiceCollection();
        var builder = services.AddDti();

        var first = builder.TryAddPluginsFrom(folder.Root);
        var count = services.Count;
        var second = builder.TryAddPluginsFrom(folder.Root);

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(count, services.Count);
    }
}
