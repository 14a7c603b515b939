using BRVT.Dti.Data;
using BRVT.Dti.Scoring;
using BRVT.Dti.Sources;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Plugins.Tests.Plugins;

public sealed class AddPluginsFromTests
{
    private const string SourcesJson = """{ "sources": [ { "name": "constant", "type": "constant", "value": 0.5 } ] }""";

    [Fact]
    public async Task AddPluginsFrom_GoodPlugin_ItsSourceAndRuleScoreARealDefinition()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var services = new ServiceCollection();
        services.AddDti().AddPluginsFrom(folder.Root);
        using var provider = services.BuildServiceProvider();

        var json = TestIndex.Minimal(
            TestIndex.Measure("a") + "," + TestIndex.Measure("b"),
            TestIndex.Leaf("a", 60, """{ "type": "square", "measure": "a" }""") + "," + TestIndex.Leaf("b", 40, """{ "type": "ratio", "measure": "b" }"""));
        var plan = TestIndex.Compile(json, provider.GetRequiredService<DtiEngine>());
        var sources = provider.GetRequiredService<DataSourceCatalog>().Parse(SourcesJson, "sources.json", folder.Temp);
        UnitInfo[] units = [Observations.Unit("u1"), Observations.Unit("u2")];

        var read = await DataSourceReader.ReadAllAsync(sources, new SourceReadRequest(plan.Definition.Measures, "2023", units));
        var result = plan.Assess(units, read.Observations, "2023");

        Assert.Equal(4, read.Observations.Count);
        Assert.All(result.Units, u => Assert.Equal(0.25 * 60 + 0.5 * 40, u.Total.Points, 12));
    }

    [Fact]
    public void AddPluginsFrom_Twice_RegistersEachPluginOnce()
    {
        using var folder = new PluginsFolder("GoodPlugin", "JsonPlugin");
        var services = new ServiceCollection();
        services.AddDti().AddPluginsFrom(folder.Root).AddPluginsFrom(folder.Root);
        services.AddDti().AddPluginsFrom(folder.Root);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["GoodPlugin", "JsonPlugin"], provider.GetServices<LoadedPlugin>().Select(p => p.Name));
        Assert.Equal(["json-scaled-jsonplugin", "square"], provider.GetServices<IScoringRule>().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Single(provider.GetServices<IDataSourceFactory>());
        Assert.Contains("square", provider.GetRequiredService<DtiEngine>().RuleNames); // two rules of one name would throw here
    }

    [Fact]
    public void AddPluginsFrom_TwoServiceCollections_ShareTheLoadedPlugins()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var first = new ServiceCollection();
        first.AddDti().AddPluginsFrom(folder.Root);
        var second = new ServiceCollection();
        second.AddDti().AddPluginsFrom(folder.Root);
        using var one = first.BuildServiceProvider();
        using var two = second.BuildServiceProvider();

        Assert.Same(one.GetRequiredService<LoadedPlugin>(), two.GetRequiredService<LoadedPlugin>());
        Assert.Same(one.GetServices<IScoringRule>().Single().GetType(), two.GetServices<IScoringRule>().Single().GetType());
    }

    [Fact]
    public void AddPluginsFrom_PrivateDependency_RuleReadsItsParametersWithIt()
    {
        using var folder = new PluginsFolder("JsonPlugin");
        var services = new ServiceCollection();
        services.AddDti().AddPluginsFrom(folder.Root);
        using var provider = services.BuildServiceProvider();

        var json = TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("a", 100, """{ "type": "json-scaled-jsonplugin", "measure": "a", "scale": 0.5 }"""));
        var plan = TestIndex.Compile(json, provider.GetRequiredService<DtiEngine>());

        Assert.Equal(40, plan.Assess([Observations.Unit("u")], [Observations.Value("u", "a", 0.8)], "2023").Units[0].Total.Points, 12);
    }
}
