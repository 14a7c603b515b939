using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using static BRVT.Dti.TestUtilities.TestIndex;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private const string SourcesJson = """
        { "sources": [
          { "name": "tu-danh-gia", "type": "xlsx", "path": "data/forms.xlsx", "layout": "sheet-per-unit", "period": "2023", "USE": "",
            "columns": { "measure": "Mã chỉ tiêu", "selfAssessed": "Điểm Tự chấm", "verified": "Điểm Thẩm định" } },
          { "name": "tong-hop", "type": "xlsx", "path": "data/tong-hop.xlsx", "layout": "row-per-unit", "sheet": "KQ", "period": "2023",
            "unitColumn": "Mã đơn vị", "measures": { "m3": "Nhân lực (tự chấm)" }, "verifiedColumns": { "m3": "Nhân lực (thẩm định)" } }
        ] }
        """;

    private static readonly UnitInfo[] Units =
    [
        new() { Id = "so-yt", Name = new LocalizedText("Sở Y tế"), Kind = "agency" },
        new() { Id = "p1", Name = new LocalizedText("UBND phường 1"), Kind = "agency" },
    ];

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    // Verified: so-yt 75/100×60 + 8.5/10×30 + 1×10 = 80.5; p1 55/100×60 + (m2 empty → 0) + 0.5×10 = 38.
    // Self-assessed forms (the summary still gives verified m3): so-yt 48 + 27 + 10 = 85; p1 36 + 0 + 5 = 41.
    [Theory]
    [InlineData("", 80.5, 38)]
    [InlineData(", \"use\": \"self-assessed\"", 85, 41)]
    public async Task AddExcelSources_CatalogReaderAndPlan_ScoreTheWorkbooks(string use, double soYt, double p1)
    {
        var book = new TestWorkbook();
        SheetPerUnitTests.Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("m2", 9, 8.5));
        SheetPerUnitTests.Form(book, "UBND phường 1", "p1", 2023, ("m1", 60, 55), ("m2", null, null));
        book.Save(workspace.PathOf("data/forms.xlsx"));
        var summary = new TestWorkbook();
        summary.Sheet("KQ").Row(1, "A", "Mã đơn vị", "Nhân lực (tự chấm)", "Nhân lực (thẩm định)").Row(2, "A", "so-yt", 1, 1).Row(3, "A", "p1", 1, 0.5);
        summary.Save(workspace.PathOf("data/tong-hop.xlsx"));
        var services = new ServiceCollection();
        services.AddDti().AddExcelSources().AddExcelSources();
        await using var provider = services.BuildServiceProvider();
        var plan = Compile(
            Minimal(
                Measure("m1") + "," + Measure("m2") + "," + Measure("m3"),
                Leaf("n1", 60, """{ "type": "ratio", "measure": "m1", "of": 100 }""") + "," +
                Leaf("n2", 30, """{ "type": "ratio", "measure": "m2", "of": 10 }""") + "," +
                Leaf("n3", 10, """{ "type": "ratio", "measure": "m3", "of": 1 }""")),
            provider.GetRequiredService<DtiEngine>());

        var sources = provider.GetRequiredService<DataSourceCatalog>().Parse(SourcesJson.Replace(", \"USE\": \"\"", use, StringComparison.Ordinal), Path.Combine(workspace.Root, "sources.json"), workspace.Root);
        var data = await DataSourceReader.ReadAllAsync(sources, new SourceReadRequest(plan.Definition.Measures, "2023", Units));
        var result = plan.Assess(Units, data.Observations, "2023");

        Assert.Equal(["xlsx"], provider.GetRequiredService<DataSourceCatalog>().Types);
        Assert.Equal([soYt, p1], result.Units.Select(u => Math.Round(u.Total.Points, 6)));
        Assert.Equal([1, 2], result.Units.Select(u => u.Rank ?? 0));
        Assert.Equal([4L, 2L], data.Accounts.Select(a => a.RowsRead));
        Assert.Equal(0, data.RowsRejected);
        Assert.All(data.Observations.Where(o => o.Provenance.Source == "tu-danh-gia"), o => Assert.Equal(use.Length == 0 ? "verified" : "self-assessed", o.Provenance.Stage));
        Assert.All(data.Observations.Where(o => o.Provenance.Source == "tong-hop"), o => Assert.Equal("verified", o.Provenance.Stage));
    }

    [Fact]
    public void ExcelPlugin_Register_AddsTheXlsxTypeOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddDti();
        var plugin = new ExcelPlugin();

        builder.AddPlugin(plugin).AddPlugin(plugin).AddExcelSources();

        Assert.Equal("BRVT.Dti.Sources.Excel", plugin.Name);
        Assert.Single(services, d => d.ServiceType == typeof(IDataSourceFactory) && d.ImplementationType == typeof(ExcelSourceFactory));
    }
}
