using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;

namespace BRVT.Dti.Sources.Csv.Tests.Sources;

public sealed class CsvRecordsSourceTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private ValueTask<SourceReadResult> Read(string settings, SourceReadRequest request) =>
        new CsvRecordsSourceFactory().Create(workspace.Configuration(settings)).ReadAsync(request);

    private static double Value(SourceReadResult result, string unit, string measure) =>
        result.Observations.Single(o => o.UnitId == unit && o.MeasureId == measure).Value;

    [Fact]
    public async Task ReadAsync_DossierRows_AggregateByUnitAsTheDerivationsSay()
    {
        workspace.Write("dossiers.csv", """
            unit,period,online,on_time,resolved,days
            747,2023,1,1,1,3
            747,2023,0,,0,5
            748,2023,1,0,1,10
            747,2023,1,1,1,4
            """);
        var result = await Read(
            """{ "name": "dossiers", "type": "csv-records", "path": "dossiers.csv", "stage": "verified" }""",
            Requests.Request([
                Requests.Derived("received", "count"),
                Requests.Derived("online_ratio", "ratio", filter: "online = 1"),
                Requests.Derived("on_time_ratio", "ratio", filter: "on_time = 1", denominatorFilter: "resolved = 1"),
                Requests.Derived("mean_days", "mean", field: "days"),
                Requests.Measure("self_assessed_only"),
            ]));

        Assert.Equal(3, Value(result, "747", "received"));
        Assert.Equal(2.0 / 3, Value(result, "747", "online_ratio"));
        Assert.Equal(1, Value(result, "747", "on_time_ratio"));
        Assert.Equal(4, Value(result, "747", "mean_days"));
        Assert.Equal(0, Value(result, "748", "on_time_ratio"));
        Assert.Equal(0, Value(result, "750", "received"));
        Assert.True(double.IsNaN(Value(result, "750", "online_ratio")), "a ratio over no dossiers has no value");
        Assert.Equal(4 * 3, result.Observations.Count);
        var provenance = result.Observations.First(o => o.UnitId == "747").Provenance;
        Assert.Equal(new Provenance("dossiers", "dossiers.csv:2-5 (3 records)", "verified"), provenance);
        Assert.Equal("dossiers.csv:4 (1 record)", result.Observations.First(o => o.UnitId == "748").Provenance.Location);
        Assert.Equal("dossiers.csv (no records)", result.Observations.First(o => o.UnitId == "750").Provenance.Location);
        AccountAssert.Exactly(result.Account, 4, 4);
    }

    [Fact]
    public async Task ReadAsync_DateColumnWithVietnameseFormat_MapsDatesToTheQuarterAssessed()
    {
        workspace.Write("ho-so.csv", """
            Mã hồ sơ;Đơn vị;Ngày tiếp nhận;Trực tuyến
            HS1;747;15/04/2023;1
            HS2;747;30/06/2023;0
            HS3;747;01/07/2023;1
            HS4;748;31/13/2023;1
            HS1;747;16/04/2023;1
            """);
        var result = await Read(
            """
            { "name": "tthc", "type": "csv-records", "path": "ho-so.csv", "records": "dossiers", "dateFormat": "dd/MM/yyyy",
              "mapping": { "unit": "Đơn vị", "date": "Ngày tiếp nhận", "id": "Mã hồ sơ" },
              "fields": { "Trực tuyến": "online" } }
            """,
            Requests.Request([Requests.Derived("online_ratio", "ratio", filter: "online = 1")], period: "2023-Q2"));

        Assert.Equal(0.5, Value(result, "747", "online_ratio"));
        AccountAssert.Exactly(result.Account, 5, 2,
            ("ho-so.csv:4", "period '2023-Q3' is not the period assessed (2023-Q2)"),
            ("ho-so.csv:5", "'31/13/2023' is not a date in the form dd/MM/yyyy"),
            ("ho-so.csv:6", "duplicate record: the id 'HS1' is already on line 2"));
    }

    [Fact]
    public async Task ReadAsync_BadRows_AreRejectedAndLeftOutOfEveryAggregate()
    {
        workspace.Write("dossiers.csv", "unit,period,online,days,note\n747,2023,1,2,ok\n999,2023,1,2,ok\n747,2023,1,abc,ok\n747,2022,1,2,ok\n747,2023,0,4,\"không, chưa\"\n");
        var result = await Read(
            """{ "name": "dossiers", "type": "csv-records", "path": "dossiers.csv" }""",
            Requests.Request([Requests.Derived("received", "count"), Requests.Derived("online_ratio", "ratio", filter: "online = 1"), Requests.Derived("days", "sum", field: "days")]));

        Assert.Equal(2, Value(result, "747", "received"));
        Assert.Equal(0.5, Value(result, "747", "online_ratio"));
        Assert.Equal(6, Value(result, "747", "days"));
        AccountAssert.Exactly(result.Account, 5, 2,
            ("dossiers.csv:3", "unknown unit '999'"),
            ("dossiers.csv:4", "column 'days': 'abc' is not a number"),
            ("dossiers.csv:5", "period '2022' is not the period assessed (2023)"));
    }

    [Fact]
    public async Task ReadAsync_ColumnsNotReadByAnyDerivation_AreNotParsed()
    {
        workspace.Write("dossiers.csv", "unit,period,online,free_text\n747,2023,1,not a number\n");
        var result = await Read("""{ "name": "dossiers", "type": "csv-records", "path": "dossiers.csv" }""", Requests.Request([Requests.Derived("n", "count", filter: "online = 1")]));
        AccountAssert.Exactly(result.Account, 1, 1);
    }

    [Fact]
    public async Task ReadAsync_FieldMissingFromTheFile_NamesTheMeasureTheFieldAndTheColumnsFound()
    {
        workspace.Write("dossiers.csv", "unit,period,online\n747,2023,1\n");
        var exception = await Assert.ThrowsAsync<DataSourceConfigurationException>(async () =>
            await Read("""{ "name": "dossiers", "type": "csv-records", "path": "dossiers.csv" }""", Requests.Request([Requests.Derived("late", "count", filter: "on_time = 0")])));
        Assert.Equal("/sources/0/fields", exception.Pointer);
        Assert.Contains("dossiers.csv: Measure 'late' reads the field 'on_time'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Columns found: 'unit', 'period', 'online'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoMeasureDerivedFromTheRecordSet_ReadsNothing()
    {
        var result = await Read("""{ "name": "dossiers", "type": "csv-records", "path": "missing.csv" }""", Requests.Request(["a"]));
        Assert.Empty(result.Observations);
        AccountAssert.Exactly(result.Account, 0, 0);
    }

    [Fact]
    public async Task ReadAsync_GeneratedDossierFile_EqualsTheTotalsComputedWhileWriting()
    {
        const int Units = 40;
        var expected = DossierGenerator.Write(workspace.PathOf("dossiers.csv"), 200_000, Units, seed: 7);
        var units = DossierGenerator.Units(Units);
        var result = await Read(DossierGenerator.Settings("dossiers.csv"), Requests.Request(DossierGenerator.Measures, units: units));

        AccountAssert.Exactly(result.Account, 200_000, 200_000);
        for (var m = 0; m < DossierGenerator.Measures.Length; m++)
        {
            for (var u = 0; u < Units; u++)
            {
                Assert.Equal(expected[m][u], Value(result, units[u].Id, DossierGenerator.Measures[m].Id));
            }
        }
    }
}
