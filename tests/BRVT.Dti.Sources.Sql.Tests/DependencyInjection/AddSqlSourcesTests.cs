using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Sources.Sql.Tests.DependencyInjection;

/// <summary>The SQL sources through the container: AddDti().AddSqlSources(), a workspace's sources.json, the reader and the engine.</summary>
public sealed class AddSqlSourcesTests
{
    [Fact]
    public void AddSqlSources_CalledTwice_EachSourceTypeOnce()
    {
        var services = new ServiceCollection();
        services.AddDti().AddSqlSources().AddSqlSources();
        services.AddDti().AddPlugin(new SqlSourcesPlugin());
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["duckdb", "postgres", "sqlite"], provider.GetServices<IDataSourceFactory>().Select(f => f.Type).Order(StringComparer.Ordinal));
        Assert.Equal(["duckdb", "postgres", "sqlite"], provider.GetRequiredService<DataSourceCatalog>().Types);
    }

    [Fact]
    public async Task AddSqlSources_WorkspaceWithSourcesJson_ReadsScoresAndLogs()
    {
        using var database = TestDatabase.Sqlite();
        DossierScenario.Create(database);
        var sourcesJson = Path.Combine(database.Workspace, "sources.json");
        await File.WriteAllTextAsync(sourcesJson, $$"""{ "sources": [ {{database.SourceJson(DossierScenario.SourceMembers(), "tthc")}} ] }""");

        var log = new LogCapture();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(log);
        services.AddDti().AddSqlSources();
        using var provider = services.BuildServiceProvider();

        var sources = provider.GetRequiredService<DataSourceCatalog>().Load(sourcesJson);
        var data = await DataSourceReader.ReadAllAsync(sources, DossierScenario.Request());
        var account = Assert.Single(data.Accounts);
        Assert.Equal("tthc", account.Source);
        Assert.True(account.Balances);
        Assert.Equal(DossierScenario.ExpectedDerived(), Requests.Show(data.Observations.Where(o => o.MeasureId is not ("portal" or "staff"))));
        Assert.All(data.Observations, o => Assert.StartsWith("sqlite:data/tthc.db ", o.Provenance.Location, StringComparison.Ordinal));
        Assert.Single(log.Messages(1));

        var engine = provider.GetRequiredService<DtiEngine>();
        var plan = engine.LoadDefinition(DossierScenario.DefinitionJson).Plan!;
        var result = plan.Assess([.. DossierScenario.Units.Select(Requests.Unit)], data.Observations, DossierScenario.Period);
        var best = result.Units.Single(u => u.Rank == 1);
        Assert.Equal("so-tttt", best.Unit.Id);
        var explanation = plan.Explain(plan.Prepare([.. DossierScenario.Units.Select(Requests.Unit)], data.Observations, DossierScenario.Period), result, "so-tc");
        Assert.Contains("ho_so (10 records of period 2023 of unit 'so-tc', aggregated in the database, query ", Flatten(explanation.Root), StringComparison.Ordinal);
    }

    private static string Flatten(Results.NodeExplanation node) =>
        string.Join("\n", (node.Leaf?.Inputs ?? []).Select(i => i.Provenance?.Location ?? string.Empty).Concat(node.Children.Select(Flatten)));
}
