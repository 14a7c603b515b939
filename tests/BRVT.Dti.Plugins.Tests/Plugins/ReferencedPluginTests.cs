using BRVT.Dti.Data;
using BRVT.Dti.Sources;
using BRVT.Dti.TestPlugins;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Plugins.Tests.Plugins;

/// <summary>The first way in: the host references the plugin (project or package) and calls its AddXxx() extension.</summary>
public sealed class ReferencedPluginTests
{
    private const string SourcesJson = """{ "sources": [ { "name": "fixed", "type": "fixed", "values": { "u1": 0.5, "u2": 0.25, "u9": 1 } } ] }""";

    [Fact]
    public async Task AddFixedSources_ProjectReference_SourceReadsThroughTheCatalog()
    {
        var services = new ServiceCollection();
        services.AddDti().AddFixedSources();
        using var provider = services.BuildServiceProvider();
        var json = TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("a", 100, """{ "type": "ratio", "measure": "a" }"""));
        var plan = TestIndex.Compile(json, provider.GetRequiredService<DtiEngine>());
        UnitInfo[] units = [Observations.Unit("u1"), Observations.Unit("u2")];

        var sources = provider.GetRequiredService<DataSourceCatalog>().Parse(SourcesJson, "sources.json", Path.GetTempPath());
        var read = await DataSourceReader.ReadAllAsync(sources, new SourceReadRequest(plan.Definition.Measures, "2023", units));
        var result = plan.Assess(units, read.Observations, "2023");

        Assert.Equal([50.0, 25.0], result.Units.OrderBy(u => u.Unit.Id, StringComparer.Ordinal).Select(u => Math.Round(u.Total.Points, 9)));
        var account = Assert.Single(read.Accounts);
        Assert.True(account.Balances);
        Assert.Equal(3, account.RowsRead);
        Assert.Equal("sources.json#/sources/0/values/u9", Assert.Single(account.Rejected).Location);
    }

    [Fact]
    public void AddFixedSources_Twice_RegistersTheFactoryOnce()
    {
        var services = new ServiceCollection();
        services.AddDti().AddFixedSources().AddFixedSources();
        services.AddDti().AddPlugin(new ReferencedSourcesPlugin());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<FixedSourceFactory>(Assert.Single(provider.GetServices<IDataSourceFactory>()));
        Assert.Equal(["fixed"], provider.GetRequiredService<DataSourceCatalog>().Types);
    }

    [Fact]
    public void LoadAll_ReferencedPluginAlsoInTheFolder_IsRefusedNamingBothCopies()
    {
        // Trap: one plugin both referenced by the host and dropped into the plugins folder (DotNetCorePlugins #139).
        using var folder = new PluginsFolder();
        var copy = Directory.CreateDirectory(folder["ReferencedSources"]).FullName;
        File.Copy(typeof(ReferencedSourcesPlugin).Assembly.Location, Path.Combine(copy, "ReferencedSources.dll"));

        var result = new PluginLoader(folder.Root).Load();

        Assert.Empty(result.Loaded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(PluginLoadFailure.AlreadyInHost, failure.Failure);
        Assert.Equal("ReferencedSources", failure.PluginName);
        Assert.Equal("ReferencedSources", failure.AssemblyName);
        Assert.Contains($"the host already has an assembly named ReferencedSources ({typeof(ReferencedSourcesPlugin).Assembly.Location})", failure.Message, StringComparison.Ordinal);
        Assert.Contains("remove plugins/ReferencedSources or the host's reference", failure.Message, StringComparison.Ordinal);
    }
}
