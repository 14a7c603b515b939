using BRVT.Dti.Scoring;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Plugins.Tests.Plugins;

/// <summary>The traps of docs/plugins.md (and CONVENTIONS.md), one test each: every one ends in an actionable message.</summary>
public sealed class PluginTrapTests
{
    [Fact]
    public void LoadAll_ContractsCopiedIntoPluginFolder_SharesTheHostsCopyAndWarns()
    {
        using var folder = new PluginsFolder("CopiedContractsPlugin");
        Assert.True(File.Exists(Path.Combine(folder["CopiedContractsPlugin"], "BRVT.Dti.Abstractions.dll")), "the trap needs the copied contracts");
        var logger = new ListLogger();

        var loaded = Assert.Single(new PluginLoader(folder.Root, logger).LoadAll());

        // Behaviour: the plugin works, with the host's contracts.
        Assert.IsAssignableFrom<IDtiPlugin>(Assert.Single(loaded.Plugins));
        Assert.Same(typeof(IDtiPlugin), loaded.Plugins[0].GetType().GetInterface(nameof(IDtiPlugin)));
        Assert.DoesNotContain(loaded.LoadContext.Assemblies, a => a.GetName().Name == "BRVT.Dti.Abstractions");

        // Detection: a warning per shared assembly found in the folder, each saying what to remove and how.
        Assert.Equal(2, loaded.Warnings.Count);
        Assert.Contains(loaded.Warnings, w => w.Contains("remove BRVT.Dti.Abstractions.dll from plugins/CopiedContractsPlugin", StringComparison.Ordinal)
            && w.Contains("reference the Abstractions project with Private=false / ExcludeAssets=runtime", StringComparison.Ordinal)
            && w.Contains(loaded.Folder, StringComparison.Ordinal));
        Assert.Contains(loaded.Warnings, w => w.Contains("remove Microsoft.Extensions.DependencyInjection.Abstractions.dll from plugins/CopiedContractsPlugin", StringComparison.Ordinal)
            && w.Contains("also reference Microsoft.Extensions.DependencyInjection.Abstractions with ExcludeAssets=runtime", StringComparison.Ordinal));
        Assert.Equal(loaded.Warnings.Order(StringComparer.Ordinal), logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddPluginsFrom_ContractsCopiedIntoPluginFolder_RuleStillScores()
    {
        using var folder = new PluginsFolder("CopiedContractsPlugin");
        var services = new ServiceCollection();
        services.AddDti().AddPluginsFrom(folder.Root);
        using var provider = services.BuildServiceProvider();
        var json = TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("a", 80, """{ "type": "half", "measure": "a" }"""), maxPoints: 80);
        var plan = TestIndex.Compile(json, provider.GetRequiredService<DtiEngine>());
        Assert.Equal(40, plan.Assess([Observations.Unit("u")], [Observations.Value("u", "a", 7)], "2023").Units[0].Total.Points, 12);
    }

    [Fact]
    public void LoadAll_ContractsLoadedFromPluginFolder_SaysToRemoveThem()
    {
        // Without sharing (what a naive loader does), the copy in the folder is loaded and the plugin's IDtiPlugin is another type.
        using var folder = new PluginsFolder("CopiedContractsPlugin");
        var notShared = PluginLoader.SharedAssemblyNames.Where(n => n != "BRVT.Dti.Abstractions");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root, null, notShared).LoadAll());

        Assert.Equal(PluginLoadFailure.ContractsCopied, exception.Failure);
        Assert.Equal("CopiedContractsPlugin", exception.PluginName);
        Assert.Equal("BRVT.Dti.Abstractions", exception.AssemblyName);
        Assert.Equal(folder["CopiedContractsPlugin"], exception.Folder);
        Assert.Contains("Remove BRVT.Dti.Abstractions.dll from plugins/CopiedContractsPlugin", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Private=false / ExcludeAssets=runtime", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder["CopiedContractsPlugin"], "BRVT.Dti.Abstractions.dll"), exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_BuiltAgainstNewerDependencyInjectionAbstractions_NamesBothVersions()
    {
        using var folder = new PluginsFolder("NewerDependencyInjectionPlugin");
        var hostVersion = typeof(IServiceCollection).Assembly.GetName().Version!;
        Assert.Equal(10, hostVersion.Major);

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.SharedVersionMismatch, exception.Failure);
        Assert.Equal("NewerDependencyInjectionPlugin", exception.PluginName);
        Assert.Equal("Microsoft.Extensions.DependencyInjection.Abstractions", exception.AssemblyName);
        Assert.Contains("NewerDependencyInjectionPlugin.dll in " + folder["NewerDependencyInjectionPlugin"], exception.Message, StringComparison.Ordinal);
        Assert.Contains("built against Microsoft.Extensions.DependencyInjection.Abstractions 11.0.0.0", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"the host shares Microsoft.Extensions.DependencyInjection.Abstractions {hostVersion}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Build the plugin against Microsoft.Extensions.DependencyInjection.Abstractions 10.0 or lower", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_BuiltAgainstNewerMajorOfTheContracts_SaysToRebuildOrUpgradeTheHost()
    {
        using var folder = new PluginsFolder("NewerContractsPlugin");
        var hostVersion = typeof(IDtiPlugin).Assembly.GetName().Version!;
        Assert.True(hostVersion.Major < 2, "the stub contracts are version 2.0.0");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.SharedVersionMismatch, exception.Failure);
        Assert.Equal("NewerContractsPlugin", exception.PluginName);
        Assert.Equal("BRVT.Dti.Abstractions", exception.AssemblyName);
        Assert.Equal(folder["NewerContractsPlugin"], exception.Folder);
        Assert.Contains("NewerContractsPlugin.dll in " + folder["NewerContractsPlugin"] + " was built against BRVT.Dti.Abstractions 2.0.0.0, a newer major version (2 > " + hostVersion.Major, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"the host shares BRVT.Dti.Abstractions {hostVersion}", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"Build the plugin against BRVT.Dti.Abstractions {hostVersion.ToString(2)} or lower", exception.Message, StringComparison.Ordinal);
        Assert.Contains("or upgrade the host to BRVT.Dti.Abstractions 2.0", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_NoIDtiPlugin_SaysWhichTypesWereFound()
    {
        using var folder = new PluginsFolder("NoEntryPointPlugin");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.NoEntryPoint, exception.Failure);
        Assert.Equal("NoEntryPointPlugin", exception.PluginName);
        Assert.Contains("NoEntryPointPlugin.dll in " + folder["NoEntryPointPlugin"], exception.Message, StringComparison.Ordinal);
        Assert.Contains("has no public, non-abstract class implementing BRVT.Dti.Plugins.IDtiPlugin", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Public types found: BRVT.Dti.TestPlugins.Helpers, BRVT.Dti.TestPlugins.OrphanRule (IScoringRule).", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_DependencyMissingFromFolder_NamesItAndTheHostsCopyIsNotUsed()
    {
        // The host has Newtonsoft.Json (13.0.3) itself; the plugin must still not get it from anywhere but its own folder.
        using var folder = new PluginsFolder("JsonPlugin");
        File.Delete(Path.Combine(folder["JsonPlugin"], "Newtonsoft.Json.dll"));

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.MissingDependency, exception.Failure);
        Assert.Equal("JsonPlugin", exception.PluginName);
        Assert.Equal("Newtonsoft.Json", exception.AssemblyName);
        Assert.Equal(folder["JsonPlugin"], exception.Folder);
        Assert.Contains("JsonPlugin.dll in " + folder["JsonPlugin"] + " needs Newtonsoft.Json 13.0.0.0, which is not in the plugin's folder", exception.Message, StringComparison.Ordinal);
        Assert.Contains("`dotnet publish -o plugins/JsonPlugin`", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_DependencyOlderThanBuiltAgainst_NamesBothVersions()
    {
        using var folder = new PluginsFolder("JsonPlugin");
        File.Copy(Path.Combine(PluginsFolder.Published, "JsonOldPlugin", "Newtonsoft.Json.dll"), Path.Combine(folder["JsonPlugin"], "Newtonsoft.Json.dll"), overwrite: true);

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.MissingDependency, exception.Failure);
        Assert.Equal("Newtonsoft.Json", exception.AssemblyName);
        Assert.Contains("needs Newtonsoft.Json 13.0.0.0, but the folder holds Newtonsoft.Json.dll 12.0.0.0", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_PluginWithoutParameterlessConstructor_SaysToAddOne()
    {
        using var folder = new PluginsFolder("NoDefaultConstructorPlugin");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.NoParameterlessConstructor, exception.Failure);
        Assert.Equal("NoDefaultConstructorPlugin", exception.PluginName);
        Assert.Contains("BRVT.Dti.TestPlugins.NoDefaultConstructorPlugin in NoDefaultConstructorPlugin.dll (" + folder["NoDefaultConstructorPlugin"] + ")", exception.Message, StringComparison.Ordinal);
        Assert.Contains("has no public parameterless constructor", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_ConstructorThrows_NamesThePluginTypeAndKeepsTheCause()
    {
        using var folder = new PluginsFolder("ThrowingConstructorPlugin");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.ConstructorFailed, exception.Failure);
        Assert.Equal("ThrowingConstructorPlugin", exception.PluginName);
        Assert.Equal(folder["ThrowingConstructorPlugin"], exception.Folder);
        Assert.Contains("the constructor of BRVT.Dti.TestPlugins.ThrowingConstructorPlugin in ThrowingConstructorPlugin.dll (" + folder["ThrowingConstructorPlugin"] + ") threw InvalidOperationException: DTI_HOME is not set.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("a plugin's constructor should do no work", exception.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(exception.InnerException);
        AssertActionable(exception);
    }

    [Fact]
    public void LoadAll_DependencyManifestCorrupt_SaysToPublishAgain()
    {
        using var folder = new PluginsFolder("JsonPlugin");
        File.WriteAllText(Path.Combine(folder["JsonPlugin"], "JsonPlugin.deps.json"), "{ \"runtimeTarget\": ");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.InvalidAssembly, exception.Failure);
        Assert.Equal("JsonPlugin", exception.PluginName);
        Assert.Contains("the dependency manifest JsonPlugin.deps.json in " + folder["JsonPlugin"] + " cannot be used", exception.Message, StringComparison.Ordinal);
        Assert.Contains("do not edit the .deps.json by hand", exception.Message, StringComparison.Ordinal);
        AssertActionable(exception);
    }

    [Fact]
    public void AddPluginsFrom_RegisterThrows_NamesThePluginAndLeavesTheServicesAsTheyWere()
    {
        using var folder = new PluginsFolder("GoodPlugin", "ThrowingPlugin");
        var services = new ServiceCollection();
        var builder = services.AddDti();
        var before = services.ToList();

        var exception = Assert.Throws<PluginLoadException>(() => builder.AddPluginsFrom(folder.Root));

        Assert.Equal(PluginLoadFailure.RegisterFailed, exception.Failure);
        Assert.Equal("ThrowingPlugin", exception.PluginName);
        Assert.Equal(folder["ThrowingPlugin"], exception.Folder);
        Assert.Contains("Plugin 'ThrowingPlugin' (BRVT.Dti.TestPlugins.ThrowingPlugin in ThrowingPlugin.dll, " + folder["ThrowingPlugin"] + ") failed while registering", exception.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: The throwing plugin needs a licence key in DTI_LICENCE.", exception.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(exception.InnerException);
        AssertActionable(exception);

        // GoodPlugin (before it in name order) registered; the failed plugin added nothing.
        Assert.Contains(services, d => d.ServiceType == typeof(IScoringRule));
        Assert.Equal(before.Count + 3, services.Count);
    }

    private static void AssertActionable(PluginLoadException exception)
    {
        Assert.DoesNotContain("   at ", exception.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(exception.PluginName));
        Assert.False(string.IsNullOrEmpty(exception.AssemblyName));
        Assert.False(string.IsNullOrEmpty(exception.Folder));
        Assert.Contains(exception.PluginName, exception.Message, StringComparison.Ordinal);
    }
}
