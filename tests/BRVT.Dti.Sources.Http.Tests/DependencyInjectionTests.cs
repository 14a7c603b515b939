using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;
using Microsoft.Extensions.DependencyInjection;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Sources.Http.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private static readonly UnitInfo[] Units =
    [
        new() { Id = "so-yt", Name = new LocalizedText("Sở Y tế"), Kind = "agency" },
        new() { Id = "so-gd", Name = new LocalizedText("Sở Giáo dục và Đào tạo"), Kind = "agency" },
        new() { Id = "p1", Name = new LocalizedText("UBND phường 1"), Kind = "agency" },
    ];

    /// <summary>The same values for both sources; so-gd has no m2 (empty cell, null in JSON), so the missing-data policy applies to both alike.</summary>
    private static readonly (string Unit, double M1, double? M2, double M3)[] Values =
    [
        ("so-yt", 75, 8.5, 1), ("so-gd", 60, null, 0.5), ("p1", 55.25, 9.75, 0),
    ];

    private readonly string workspace = Path.Combine(Path.GetTempPath(), "dti-http-" + Guid.NewGuid().ToString("N"));

    public DependencyInjectionTests() => Directory.CreateDirectory(Path.Combine(workspace, "data"));

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    [Fact]
    public async Task AddHttpSources_XlsxAndHttpWithTheSameMeasures_GiveIdenticalScores()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api/chi-so", (context, _) =>
        {
            var page = context.Request.Query["page"].ToString();
            var rows = page == "1" ? Values[..2] : page == "2" ? Values[2..] : [];
            return LoopbackApi.Json(context, "{ \"data\": { \"items\": [" + string.Join(", ", rows.Select(Item)) + "] } }");
        });
        WriteWorkbook(Path.Combine(workspace, "data", "tong-hop.xlsx"));
        var sourcesJson = $$"""
            { "sources": [
              { "name": "tong-hop", "type": "xlsx", "path": "data/tong-hop.xlsx", "layout": "row-per-unit", "period": "2023", "use": "verified",
                "unitColumn": "Mã đơn vị", "measures": { "m1": "Hạ tầng số", "m2": "Dịch vụ công", "m3": "Nhân lực" } },
              { "name": "cong-dvc", "type": "http-json", "url": "{{api.BaseUri}}api/chi-so?nam={period}", "items": "$.data.items[*]", "unitPath": "$.ma_don_vi",
                "measures": { "m1": "$.chi_so.ha_tang", "m2": "$.chi_so.dich_vu", "m3": "$.chi_so.nhan_luc" },
                "paging": { "mode": "page", "sizeParameter": "size", "size": 2, "maxPages": 5 },
                "resilience": { "attempts": 2, "retryDelaySeconds": 0.05, "attemptTimeoutSeconds": 10, "totalTimeoutSeconds": 30 } }
            ] }
            """;
        var services = new ServiceCollection();
        services.AddDti().AddHttpSources().AddExcelSources().AddHttpSources();
        await using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<DataSourceCatalog>();
        var plan = Compile(
            Minimal(
                Measure("m1") + "," + Measure("m2") + "," + Measure("m3"),
                Leaf("n1", 60, """{ "type": "ratio", "measure": "m1", "of": 100 }""") + "," +
                Leaf("n2", 30, """{ "type": "linear", "measure": "m2", "lower": 0, "upper": 10 }""") + "," +
                Leaf("n3", 10, """{ "type": "boolean", "measure": "m3", "half": true }""")),
            provider.GetRequiredService<DtiEngine>());

        var sources = catalog.Parse(sourcesJson, Path.Combine(workspace, "sources.json"), workspace);
        var request = new SourceReadRequest(plan.Definition.Measures, "2023", Units, RejectionMode.Strict);
        var fromXlsx = await DataSourceReader.ReadAllAsync([sources[0]], request);
        var fromHttp = await DataSourceReader.ReadAllAsync([sources[1]], request);
        var xlsxResult = plan.Assess(Units, fromXlsx.Observations, "2023");
        var httpResult = plan.Assess(Units, fromHttp.Observations, "2023");

        Assert.Equal(["http-json", "xlsx"], catalog.Types);
        Assert.IsType<HttpJsonSource>(sources[1]);
        Assert.Equal((9L, 9L, 9L, 9L), (fromXlsx.RowsRead, fromHttp.RowsRead, fromXlsx.Accounts[0].RowsAccepted, fromHttp.Accounts[0].RowsAccepted));
        Assert.Equal(
            fromXlsx.Observations.Select(o => (o.UnitId, o.MeasureId, o.Period, o.Value)),
            fromHttp.Observations.Select(o => (o.UnitId, o.MeasureId, o.Period, o.Value)));
        Assert.Equal(
            xlsxResult.Units.Select(u => (u.Unit.Id, u.Rank, u.Nodes.Select(n => n.Points).ToArray())),
            httpResult.Units.Select(u => (u.Unit.Id, u.Rank, u.Nodes.Select(n => n.Points).ToArray())),
            (a, b) => a.Item1 == b.Item1 && a.Item2 == b.Item2 && a.Item3.SequenceEqual(b.Item3));

        // 0.75×60 + 0.85×30 + 1×10 = 80.5; p1: 0.5525×60 + 0.975×30 + 0 = 62.4; so-gd lacks m2.
        Assert.Equal(80.5, Math.Round(httpResult.Units.Single(u => u.Unit.Id == "so-yt").Total.Points, 9));
        Assert.Equal(62.4, Math.Round(httpResult.Units.Single(u => u.Unit.Id == "p1").Total.Points, 9));
        Assert.Equal(["?nam=2023&page=1&size=2", "?nam=2023&page=2&size=2"], api.Requests.Select(r => r.Query));
        Assert.Equal(api.Url("/api/chi-so?nam=2023&page=2&size=2") + "#/data/items/0/chi_so/ha_tang", fromHttp.Observations[6].Provenance.Location);
    }

    [Fact]
    public async Task AddHttpSources_UsesTheHostsNamedClientWithOneResilienceHandler()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/broken", (context, _) => LoopbackApi.Status(context, 500));
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddDti().AddHttpSources().AddHttpSources();
        services.AddHttpClient(HttpJsonSourceFactory.HttpClientName).AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();
        var sourcesJson = $$"""
            { "sources": [ { "name": "api", "type": "http-json", "url": "{{api.BaseUri}}broken", "period": "2023", "items": "$", "unitPath": "u", "measurePath": "m", "valuePath": "v",
              "resilience": { "attempts": 3, "retryDelaySeconds": 0.02 } } ] }
            """;
        var sources = provider.GetRequiredService<DataSourceCatalog>().Parse(sourcesJson, "sources.json", workspace);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => DataSourceReader.ReadAllAsync(sources, new SourceReadRequest([], "2023", Units)));

        Assert.Equal(3, api.Hits("/broken"));
        Assert.Equal(3, counter.Sent);
        Assert.Contains("after 3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Single(services, d => d.ServiceType == typeof(IDataSourceFactory) && d.ImplementationType == typeof(HttpJsonSourceFactory));
    }

    [Fact]
    public void HttpPlugin_Register_AddsTheHttpJsonTypeOnce()
    {
        var services = new ServiceCollection();
        var plugin = new HttpPlugin();

        services.AddDti().AddPlugin(plugin).AddPlugin(plugin).AddHttpSources();

        Assert.Equal("BRVT.Dti.Sources.Http", plugin.Name);
        Assert.Single(services, d => d.ServiceType == typeof(IDataSourceFactory) && d.ImplementationType == typeof(HttpJsonSourceFactory));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["http-json"], provider.GetRequiredService<DataSourceCatalog>().Types);
    }

    private static string Item((string Unit, double M1, double? M2, double M3) row) =>
        $$"""{ "ma_don_vi": "{{row.Unit}}", "chi_so": { "ha_tang": {{Number(row.M1)}}, "dich_vu": {{(row.M2 is { } m2 ? Number(m2) : "null")}}, "nhan_luc": {{Number(row.M3)}} } }""";

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteWorkbook(string path)
    {
        var book = new TestWorkbook();
        var sheet = book.Sheet("KQ").Row(1, "A", "Mã đơn vị", "Hạ tầng số", "Dịch vụ công", "Nhân lực");
        var row = 2;
        foreach (var (unit, m1, m2, m3) in Values)
        {
            sheet.Row(row++, "A", unit, m1, m2, m3);
        }

        book.Save(path);
    }

    /// <summary>A handler the host adds to the sources' named client: it sees every attempt.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int sent;

        public int Sent => sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
