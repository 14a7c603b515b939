using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;

namespace BRVT.Dti.Sources.Csv.Tests.Sources;

public sealed class CsvLongSourceTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private ValueTask<SourceReadResult> Read(string settings, SourceReadRequest request) =>
        new CsvLongSourceFactory().Create(workspace.Configuration(settings)).ReadAsync(request);

    [Fact]
    public async Task ReadAsync_LongFile_ReturnsEveryValueWithItsFileAndLine()
    {
        workspace.Write("data/long.csv", "unit,period,measure,value\n747,2023,a,0.5\n748,2023,a,1\n747,2023,b,12\n");
        var result = await Read("""{ "name": "tu-danh-gia", "type": "csv-long", "path": "data/long.csv" }""", Requests.Request(["a", "b"]));

        Assert.Equal(
            [("747", "a", 0.5, "data/long.csv:2"), ("748", "a", 1.0, "data/long.csv:3"), ("747", "b", 12.0, "data/long.csv:4")],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.All(result.Observations, o => Assert.Equal("2023", o.Period));
        Assert.All(result.Observations, o => Assert.Equal("tu-danh-gia", o.Provenance.Source));
        AccountAssert.Exactly(result.Account, 3, 3);
    }

    [Fact]
    public async Task ReadAsync_SemicolonDecimalCommaBomAndCrLf_AreReadAsWritten()
    {
        workspace.Write("long.csv", "ma_don_vi;nam;chi_so;gia_tri\r\n747;2023;a;0,75\r\n748;2023;a;-1,5e2\r\n750;2023;a;\r\n", bom: true);
        var result = await Read(
            """{ "name": "s", "type": "csv-long", "path": "long.csv", "decimalComma": true, "mapping": { "unit": "ma_don_vi", "period": "nam", "measure": "chi_so", "value": "gia_tri" } }""",
            Requests.Request(["a"]));

        Assert.Equal([0.75, -150.0, double.NaN], result.Observations.Select(o => o.Value));
        Assert.Equal(["long.csv:2", "long.csv:3", "long.csv:4"], result.Observations.Select(o => o.Provenance.Location));
        AccountAssert.Exactly(result.Account, 3, 3);
    }

    [Fact]
    public async Task ReadAsync_TabDelimiter_IsDetectedFromTheHeader()
    {
        workspace.Write("long.tsv", "unit\tperiod\tmeasure\tvalue\n747\t2023\ta\t3\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.tsv" }""", Requests.Request(["a"]));
        Assert.Equal(3.0, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public async Task ReadAsync_VietnameseNamesInDecomposedForm_MatchTheUnitsNames()
    {
        // "Thành phố Vũng Tàu" written with combining marks (NFD), in lower case, with spaces around.
        var decomposed = "  thành phố vũng tàu ".Normalize(System.Text.NormalizationForm.FormD);
        workspace.Write("long.csv", $"đơn vị,kỳ,chỉ số,giá trị\n{decomposed},2023,a,1\nThành phố Bà Rịa,2023,a,2\nHuyện Xuyên Mộc,2023,a,3\n");
        var result = await Read(
            """{ "name": "s", "type": "csv-long", "path": "long.csv", "unitMatch": "name", "mapping": { "unit": "Đơn vị", "period": "Kỳ", "measure": "Chỉ số", "value": "Giá trị" } }""",
            Requests.Request(["a"]));

        Assert.Equal([("747", 1.0), ("748", 2.0)], result.Observations.Select(o => (o.UnitId, o.Value)));
        AccountAssert.Exactly(result.Account, 3, 2, ("long.csv:4", "unknown unit 'Huyện Xuyên Mộc'"));
    }

    [Fact]
    public async Task ReadAsync_UnitIdsInDecomposedForm_AreReturnedAsTheRequestWritesThem()
    {
        var units = new[] { Requests.Unit("sở-tài-chính"), Requests.Unit("sở-y-tế") };
        workspace.Write("long.csv", $"unit,period,measure,value\n{"sở-tài-chính".Normalize(System.Text.NormalizationForm.FormD)},2023,a,1\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"], units: units));
        Assert.Equal("sở-tài-chính", Assert.Single(result.Observations).UnitId);
    }

    [Fact]
    public async Task ReadAsync_RowsOfOtherPeriods_AreRejectedAsNotAssessedWithoutStoppingStrictMode()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2022,a,1\n747,2023,a,2\n748,2024,a,3\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"], mode: RejectionMode.Strict));

        Assert.Equal(2.0, Assert.Single(result.Observations).Value);
        AccountAssert.Exactly(result.Account, 3, 1,
            ("long.csv:2", "period '2022' is not the period assessed (2023)"),
            ("long.csv:4", "period '2024' is not the period assessed (2023)"));
    }

    [Fact]
    public async Task ReadAsync_FixedPeriod_AppliesToEveryRow()
    {
        workspace.Write("long.csv", "unit,measure,value\n747,a,2\n");
        var matching = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv", "period": "2023" }""", Requests.Request(["a"]));
        var other = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv", "period": "2022" }""", Requests.Request(["a"]));

        Assert.Single(matching.Observations);
        Assert.Empty(other.Observations);
        AccountAssert.Exactly(other.Account, 1, 0, ("long.csv:2", "period '2022' (the source's \"period\") is not the period assessed (2023)"));
    }

    [Fact]
    public async Task ReadAsync_StageColumn_KeepsSelfAssessedAndVerifiedSideBySide()
    {
        workspace.Write("long.csv", "unit,period,measure,value,stage\n747,2023,a,0.9,tự đánh giá\n747,2023,a,0.7,verified\n748,2023,a,0.5,\n747,2023,a,0.8,self-assessed\n748,2023,a,1,approved\n");
        var result = await Read(
            """{ "name": "s", "type": "csv-long", "path": "long.csv", "mapping": { "stage": "stage" }, "stage": "self-assessed" }""",
            Requests.Request(["a"]));

        Assert.Equal(
            [("747", 0.9, "self-assessed"), ("747", 0.7, "verified"), ("748", 0.5, "self-assessed")],
            result.Observations.Select(o => (o.UnitId, o.Value, o.Provenance.Stage)));
        AccountAssert.Exactly(result.Account, 5, 3,
            ("long.csv:5", "duplicate: unit '747' already has a value of 'a' for 2023 (self-assessed) on line 2; the first was kept"),
            ("long.csv:6", "unknown stage 'approved'"));
    }

    [Fact]
    public async Task ReadAsync_StageSetting_IsEveryValuesStage()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv", "stage": "thẩm định" }""", Requests.Request(["a"]));
        Assert.Equal("verified", Assert.Single(result.Observations).Provenance.Stage);
    }

    [Fact]
    public async Task ReadAsync_QuotedLineBreaks_KeepPhysicalLineNumbers()
    {
        workspace.Write("long.csv", "unit,period,measure,value,note\n747,2023,a,1,\"two\nlines\"\n748,2023,a,2,\"three\r\nphysical\rlines\"\n750,2023,a,3,x\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"]));
        Assert.Equal(["long.csv:2", "long.csv:4", "long.csv:7"], result.Observations.Select(o => o.Provenance.Location));
    }

    [Fact]
    public async Task ReadAsync_MeasuresTheDefinitionDoesNotRead_AreRejectedAndNearMissesAreErrors()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n747,2023,other,2\n747,2023,A,3\n");
        var lenient = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"]));
        AccountAssert.Exactly(lenient.Account, 3, 1,
            ("long.csv:3", "measure 'other' is not read by the definition assessed"),
            ("long.csv:4", "other letter case than the definition's id 'a'"));

        var strict = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"], mode: RejectionMode.Strict)));
        Assert.Contains("long.csv:4: measure 'A' is written with other letter case", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StrictMode_StopsAtTheFirstBadRowNamingIt()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n999,2023,a,2\n748,2023,a,x\n");
        var exception = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"], mode: RejectionMode.Strict)));
        Assert.Equal("s", exception.Source);
        Assert.StartsWith("s: long.csv:3: unknown unit '999'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LenientWithRejectsFile_WritesEveryRejectAtomically()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n999,2023,a,2\n748,2023,a,\"=1+2\"\n");
        workspace.Write("out/rejects.csv", "stale content of an earlier run");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv", "rejectsFile": "out/rejects.csv" }""", Requests.Request(["a"]));

        AccountAssert.Exactly(result.Account, 3, 1, ("long.csv:3", "unknown unit '999'"), ("long.csv:4", "'=1+2' is not a number"));
        var bytes = File.ReadAllBytes(workspace.PathOf("out/rejects.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = File.ReadAllLines(workspace.PathOf("out/rejects.csv"));
        Assert.Equal(3, lines.Length);
        Assert.Equal("location,line,reason,record", lines[0]);
        Assert.StartsWith("\"long.csv:3\",3,\"unknown unit '999'", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"999,2023,a,2\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"748,2023,a,\"\"=1+2\"\"\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(["rejects.csv"], Directory.GetFiles(workspace.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ReadAsync_StrictModeFailure_LeavesTheEarlierRejectsFileAndNoTemporaryFile()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n999,2023,a,2\n");
        workspace.Write("out/rejects.csv", "earlier");
        await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv", "rejectsFile": "out/rejects.csv" }""", Requests.Request(["a"], mode: RejectionMode.Strict)));
        Assert.Equal("earlier", File.ReadAllText(workspace.PathOf("out/rejects.csv")));
        Assert.Single(Directory.GetFiles(workspace.PathOf("out")));
    }

    [Fact]
    public async Task ReadAsync_LineStartingWithHash_IsARowNotAComment()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n#747,2023,a,1\n747,2023,a,2\n");
        var result = await Read("""{ "name": "s", "type": "csv-long", "path": "long.csv" }""", Requests.Request(["a"]));
        AccountAssert.Exactly(result.Account, 2, 1, ("long.csv:2", "unknown unit '#747'"));
        Assert.Equal("long.csv:3", Assert.Single(result.Observations).Provenance.Location);
    }

    [Fact]
    public async Task ReadAsync_TwiceOnOneSource_GivesTheSameResult()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n999,2023,a,1\n");
        var source = new CsvLongSourceFactory().Create(workspace.Configuration("""{ "name": "s", "type": "csv-long", "path": "long.csv" }"""));
        var first = await source.ReadAsync(Requests.Request(["a"]));
        var second = await source.ReadAsync(Requests.Request(["a"]));
        Assert.Equal(first.Observations, second.Observations);
        Assert.Equal(first.Account.Rejected, second.Account.Rejected);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        workspace.Write("long.csv", "unit,period,measure,value\n747,2023,a,1\n");
        var source = new CsvLongSourceFactory().Create(workspace.Configuration("""{ "name": "s", "type": "csv-long", "path": "long.csv" }"""));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ReadAsync(Requests.Request(["a"]), new CancellationToken(canceled: true)));
    }
}
