using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;

namespace BRVT.Dti.Sources.Csv.Tests.Sources;

public sealed class CsvWideSourceTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private ValueTask<SourceReadResult> Read(string settings, SourceReadRequest request) =>
        new CsvWideSourceFactory().Create(workspace.Configuration(settings)).ReadAsync(request);

    [Fact]
    public async Task ReadAsync_EveryNonKeyColumn_IsAMeasureNamedByItsHeader()
    {
        workspace.Write("wide.csv", "unit,period,a,b\n747,2023,1,2\n748,2023,3,\n");
        var result = await Read("""{ "name": "w", "type": "csv-wide", "path": "wide.csv" }""", Requests.Request(["a", "b"]));

        Assert.Equal(
            [("747", "a", 1.0, "wide.csv:2"), ("747", "b", 2.0, "wide.csv:2"), ("748", "a", 3.0, "wide.csv:3"), ("748", "b", double.NaN, "wide.csv:3")],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        AccountAssert.Exactly(result.Account, 4, 4);
    }

    [Fact]
    public async Task ReadAsync_MappedVietnameseColumns_GiveTheirMeasures()
    {
        workspace.Write("wide.csv", "Mã ĐV;Tên đơn vị;Năm;Tỷ lệ hồ sơ trực tuyến (%);Số TTHC;Ghi chú\n747;TP Vũng Tàu;2023;85,5;120;ổn\n", bom: true);
        var result = await Read(
            """
            { "name": "w", "type": "csv-wide", "path": "wide.csv", "decimalComma": true,
              "mapping": { "unit": "Mã ĐV", "period": "Năm" },
              "measures": { "Tỷ lệ hồ sơ trực tuyến (%)": "online_pct", "Số TTHC": "procedures" } }
            """,
            Requests.Request(["online_pct", "procedures"]));

        Assert.Equal([("online_pct", 85.5), ("procedures", 120.0)], result.Observations.Select(o => (o.MeasureId, o.Value)));
        AccountAssert.Exactly(result.Account, 2, 2);
    }

    [Fact]
    public async Task ReadAsync_ColumnsTheDefinitionDoesNotRead_AreRejectedOnceAtTheHeader()
    {
        workspace.Write("wide.csv", "unit,period,a,z,ten\n747,2023,1,2,Vũng Tàu\n748,2023,3,4,Bà Rịa\n");
        var result = await Read("""{ "name": "w", "type": "csv-wide", "path": "wide.csv", "ignoreColumns": ["ten"] }""", Requests.Request(["a"]));
        AccountAssert.Exactly(result.Account, 3, 2, ("wide.csv:1", "column 'z': measure 'z' is not read by the definition assessed"));
    }

    [Fact]
    public async Task ReadAsync_RowsWithBadKeys_AreRejectedOnceAndBadCellsOneByOne()
    {
        workspace.Write("wide.csv", "unit,period,a,b\n999,2023,1,2\n747,2022,1,2\n747,2023,x,2\n747,2023,5,6\n");
        var result = await Read("""{ "name": "w", "type": "csv-wide", "path": "wide.csv" }""", Requests.Request(["a", "b"]));
        AccountAssert.Exactly(result.Account, 6, 2,
            ("wide.csv:2", "unknown unit '999'"),
            ("wide.csv:3", "period '2022' is not the period assessed"),
            ("wide.csv:4", "column 'a': 'x' is not a number"),
            ("wide.csv:5", "column 'b': duplicate: unit '747' already has a value of 'b' for 2023 on line 4"));
        Assert.Equal([("b", 2.0), ("a", 5.0)], result.Observations.Select(o => (o.MeasureId, o.Value)));
    }

    [Fact]
    public async Task ReadAsync_MissingMappedColumn_NamesTheFileTheColumnAndTheColumnsFound()
    {
        workspace.Write("data/wide.csv", "ma;nam;a\n747;2023;1\n");
        var exception = await Assert.ThrowsAsync<DataSourceConfigurationException>(async () =>
            await Read("""{ "name": "w", "type": "csv-wide", "path": "data/wide.csv", "mapping": { "unit": "ma", "period": "nam" }, "measures": { "b": "b" } }""", Requests.Request(["b"])));
        Assert.Equal("/sources/0/measures/b", exception.Pointer);
        Assert.Contains("data/wide.csv has no column 'b' (the measure 'b' column). Columns found: 'ma', 'nam', 'a' (delimiter ';')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TrailingDelimiter_RejectsTheUnnamedColumnOnce()
    {
        workspace.Write("wide.csv", "unit,period,a,\n747,2023,1,\n");
        var result = await Read("""{ "name": "w", "type": "csv-wide", "path": "wide.csv" }""", Requests.Request(["a"]));
        AccountAssert.Exactly(result.Account, 2, 1, ("wide.csv:1", "column 4 has no name in the header"));
    }
}
