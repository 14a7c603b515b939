using BRVT.Dti.Data;
using BRVT.Dti.Sources;
using BRVT.Dti.Sources.Csv.Tests.Support;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Sources.Csv.Tests.DependencyInjection;

public sealed class AddCsvSourcesTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void AddCsvSources_CalledTwiceAndThroughThePlugin_RegistersEachSourceTypeOnce()
    {
        var services = new ServiceCollection();
        services.AddDti().AddCsvSources().AddCsvSources().AddPlugin(new CsvSourcesPlugin());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["csv-long", "csv-records", "csv-wide"], provider.GetServices<IDataSourceFactory>().Select(f => f.Type).Order(StringComparer.Ordinal));
        Assert.Equal(["csv-long", "csv-records", "csv-wide"], provider.GetRequiredService<DataSourceCatalog>().Types);
    }

    [Fact]
    public async Task Catalog_SourcesJsonWithEveryCsvType_ScoresThroughTheEngine()
    {
        workspace.Write("data/tu-danh-gia.csv", "unit;period;measure;value\n747;2023;c1;0,8\n748;2023;c1;1,2\n", bom: true);
        workspace.Write("data/tham-dinh.csv", "Mã;Năm;Có cổng dữ liệu mở\n747;2023;có\n748;2023;không\n");
        workspace.Write("data/ho-so.csv", "ma_ho_so,don_vi,ngay,truc_tuyen\nHS1,747,2023-03-01,1\nHS2,747,2023-05-09,0\nHS3,747,2023-12-31,1\nHS4,747,2023-07-01,1\nHS5,748,2023-02-02,1\nHS6,748,2022-12-31,1\nHS7,999,2023-01-01,1\n");
        workspace.Write("sources.json", """
            {
              "sources": [
                { "name": "tu-danh-gia", "type": "csv-long", "path": "data/tu-danh-gia.csv", "decimalComma": true, "stage": "self-assessed" },
                { "name": "tham-dinh", "type": "csv-wide", "path": "data/tham-dinh.csv", "stage": "verified",
                  "mapping": { "unit": "Mã", "period": "Năm" }, "measures": { "Có cổng dữ liệu mở": "c2" } },
                { "name": "ho-so", "type": "csv-records", "path": "data/ho-so.csv", "records": "dossiers", "rejectsFile": "out/ho-so-rejects.csv",
                  "mapping": { "unit": "don_vi", "date": "ngay", "id": "ma_ho_so" } }
              ]
            }
            """);
        var definition = TestIndex.Minimal(
            """
            { "id": "online_ratio", "name": "Tỷ lệ hồ sơ trực tuyến", "unit": "%", "derivation": { "records": "dossiers", "function": "ratio", "filter": "truc_tuyen = 1" } },
            { "id": "c1", "name": "Chỉ tiêu 1" },
            { "id": "c2", "name": "Có cổng dữ liệu mở" }
            """,
            $"{TestIndex.Leaf("1", 40, """{ "type": "ratio", "measure": "online_ratio" }""")}, {TestIndex.Leaf("2", 30, """{ "type": "ratio", "measure": "c1" }""")}, {TestIndex.Leaf("3", 30, """{ "type": "boolean", "measure": "c2" }""")}");

        var services = new ServiceCollection();
        services.AddDti().AddCsvSources();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<DtiEngine>();
        var plan = TestIndex.Compile(definition, engine);
        var sources = provider.GetRequiredService<DataSourceCatalog>().Load(workspace.PathOf("sources.json"));
        UnitInfo[] units = [Requests.Unit("747"), Requests.Unit("748")];
        var data = await DataSourceReader.ReadAllAsync(sources, new SourceReadRequest(plan.Definition.Measures, "2023", units));
        var result = plan.Assess(units, data.Observations, "2023");

        // 747: 3 of 4 dossiers online, c1 0.8, open data portal: 40 × 0.75 + 30 × 0.8 + 30 = 84.
        // 748: 1 of 1 dossier of 2023 online, c1 1.2 capped at 1, no portal: 40 + 30 + 0 = 70.
        Assert.Equal([84.0, 70.0], result.Units.Select(u => Math.Round(u.Total.Points, 9)));
        Assert.Equal(["tu-danh-gia", "tham-dinh", "ho-so"], data.Accounts.Select(a => a.Source));
        Assert.Equal([2L, 2L, 7L], data.Accounts.Select(a => a.RowsRead));
        Assert.Equal(["data/ho-so.csv:7", "data/ho-so.csv:8"], data.Accounts[2].Rejected.Select(r => r.Location));
        Assert.True(File.Exists(workspace.PathOf("out/ho-so-rejects.csv")));
        var online = data.Observations.Single(o => o.UnitId == "747" && o.MeasureId == "online_ratio");
        Assert.Equal(new Provenance("ho-so", "data/ho-so.csv:2-5 (4 records)"), online.Provenance);
        Assert.Equal("verified", data.Observations.Single(o => o.UnitId == "747" && o.MeasureId == "c2").Provenance.Stage);
    }
}
