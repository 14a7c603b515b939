using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Http.Tests;

public sealed class MappingTests
{
    private const string LongItems = """
        { "data": { "items": [
          { "ma_don_vi": "so-yt", "nam": 2023, "chi_so": "m1", "gia_tri": 75 },
          { "ma_don_vi": "so-yt", "nam": "2023", "chi_so": "m2", "gia_tri": "8.5" },
          { "ma_don_vi": " so-gd ", "nam": 2023, "chi_so": "m1", "gia_tri": null },
          { "ma_don_vi": "xyz", "nam": 2023, "chi_so": "m1", "gia_tri": 1 },
          { "ma_don_vi": "p1", "nam": 2022, "chi_so": "m1", "gia_tri": 50 },
          { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m1", "gia_tri": "85,5" },
          { "ma_don_vi": "so-yt", "nam": 2023, "chi_so": "m1", "gia_tri": 70 },
          { "ma_don_vi": "so-yt", "nam": 2023, "chi_so": "m4", "gia_tri": 1 },
          { "ma_don_vi": "so-yt", "nam": 2023, "chi_so": "m9", "gia_tri": 1 },
          { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m2" },
          42,
          { "nam": 2023, "chi_so": "m1", "gia_tri": 1 },
          { "ma_don_vi": "p1", "nam": 2023, "chi_so": "dung_han", "gia_tri": 1 },
          { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m3", "gia_tri": { "so": 1 } },
          { "ma_don_vi": ["p1"], "nam": 2023, "chi_so": "m3", "gia_tri": 1 },
          { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m3", "gia_tri": true }
        ] } }
        """;

    private static string LongSettings(Uri url, string extra = "") => $$"""
        { "name": "cong-dvc", "type": "http-json", "url": "{{url}}api/thong-ke",
          "items": "$.data.items[*]", "unitPath": "$.ma_don_vi", "periodPath": "$.nam", "measurePath": "$.chi_so", "valuePath": "$.gia_tri"{{extra}} }
        """;

    [Fact]
    public async Task ReadAsync_LongItems_AcceptsOrRejectsEachWithItsPointer()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/thong-ke", LongItems);
        var url = api.Url("/api/thong-ke");

        var result = await TestSources.Create(LongSettings(api.BaseUri)).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                ("so-yt", "m1", 75.0, $"{url}#/data/items/0"),
                ("so-yt", "m2", 8.5, $"{url}#/data/items/1"),
                ("so-gd", "m1", double.NaN, $"{url}#/data/items/2"),
                ("p1", "m3", 1.0, $"{url}#/data/items/15"),
            ],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.All(result.Observations, o => Assert.Equal(("2023", "cong-dvc", (string?)null), (o.Period, o.Provenance.Source, o.Provenance.Stage)));
        Assert.Equal(
            [
                new RejectedRow($"{url}#/data/items/3", "the unit 'xyz' ($.ma_don_vi) is not in the assessment's unit list; correct the id or add the unit"),
                new RejectedRow($"{url}#/data/items/4", "period 2022 is not the period assessed (2023)"),
                new RejectedRow($"{url}#/data/items/5", "the value at $.gia_tri is the text '85,5', not a number"),
                new RejectedRow($"{url}#/data/items/6", $"duplicate: unit 'so-yt' already has a value of 'm1' for 2023 at {url}#/data/items/0, which was kept; remove one of them"),
                new RejectedRow($"{url}#/data/items/7", "the measure 'm4' is computed by the formula 'm1 + m2', so it is not read from data; remove the value or drop the formula"),
                new RejectedRow($"{url}#/data/items/8", "the measure 'm9' is not declared by the index definition; correct the measure id"),
                new RejectedRow($"{url}#/data/items/9", "the item has no value at $.gia_tri; write null when there is no value"),
                new RejectedRow($"{url}#/data/items/10", "the item is the number 42, not an object"),
                new RejectedRow($"{url}#/data/items/11", "the item has no unit id at $.ma_don_vi"),
                new RejectedRow($"{url}#/data/items/12", "the measure 'dung_han' is aggregated from the records 'ho_so', so it is not read as a value; remove the value or the derivation"),
                new RejectedRow($"{url}#/data/items/13", "the value at $.gia_tri is an object, not a number"),
                new RejectedRow($"{url}#/data/items/14", "the unit id at $.ma_don_vi is an array; write it as a string or a number"),
            ],
            result.Account.Rejected);
        Assert.Equal((16L, 4L), (result.Account.RowsRead, result.Account.RowsAccepted));
        Assert.True(result.Account.Balances);
    }

    [Fact]
    public async Task ReadAsync_EscapedHalfOfASurrogatePair_RejectsTheItemWithTheReason()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/thong-ke", """
            { "data": { "items": [
              { "ma_don_vi": "so-\uDEE7", "nam": 2023, "chi_so": "m1", "gia_tri": 1 },
              { "ma_don_vi": "so-yt", "nam": 2023, "chi_so": "m1", "gia_tri": "8\uD83D" },
              { "ma_don_vi": "so-yt", "nam": "\uDC00", "chi_so": "m2", "gia_tri": 2 },
              { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m1", "gia_tri": 3, "ghi_chu\uD800": "x" },
              { "ma_don_vi": "p1", "nam": 2023, "chi_so": "m2", "gia_tri": "4" }
            ] } }
            """);
        var url = api.Url("/api/thong-ke");

        var result = await TestSources.Create(LongSettings(api.BaseUri)).ReadAsync(Assessment.Request());

        Assert.Equal(
            [("p1", "m1", 3.0), ("p1", "m2", 4.0)],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value)));
        const string Half = "a text with an escape of half a surrogate pair (\\uD800 to \\uDFFF), which is no character";
        Assert.Equal(
            [
                new RejectedRow($"{url}#/data/items/0", $"the unit id at $.ma_don_vi is {Half}; write it as a string or a number"),
                new RejectedRow($"{url}#/data/items/1", $"the value at $.gia_tri is {Half}, not a number"),
                new RejectedRow($"{url}#/data/items/2", $"the period at $.nam is {Half}; write it as a string or a number"),
            ],
            result.Account.Rejected);
        Assert.True(result.Account.Balances);
    }

    [Fact]
    public async Task ReadAsync_StrictMode_ThrowsAtTheFirstBadItem()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/thong-ke", LongItems);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(LongSettings(api.BaseUri)).ReadAsync(Assessment.Request(mode: RejectionMode.Strict)).AsTask());

        Assert.Equal(
            $"cong-dvc: {api.Url("/api/thong-ke")}#/data/items/3: the unit 'xyz' ($.ma_don_vi) is not in the assessment's unit list; correct the id or add the unit. (Strict mode stops at the first bad item; 4 read so far.)",
            exception.Message);
    }

    [Fact]
    public async Task ReadAsync_WideItems_OneRowPerItemAndMeasureLocatedAtTheValue()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/chi-so", """
            [
              { "don_vi": { "ma": "so-yt" }, "chi_so": { "ha tầng": 75, "dich_vu": 8.5 } },
              { "don_vi": { "ma": "p1" }, "chi_so": { "ha tầng": null } },
              { "don_vi": { "ma": "không-có" }, "chi_so": { "ha tầng": 1, "dich_vu": 1 } }
            ]
            """);
        var settings = $$"""
            { "url": "{{api.BaseUri}}api/chi-so?nam={period}", "items": "$[*]", "unitPath": "don_vi.ma",
              "measures": { "m1": "$.chi_so['ha tầng']", "m2": "$.chi_so.dich_vu" } }
            """;
        var url = api.Url("/api/chi-so?nam=2023");

        var result = await TestSources.Create(settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                ("so-yt", "m1", 75.0, $"{url}#/0/chi_so/ha tầng"),
                ("so-yt", "m2", 8.5, $"{url}#/0/chi_so/dich_vu"),
                ("p1", "m1", double.NaN, $"{url}#/1/chi_so/ha tầng"),
            ],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.Equal(
            [
                new RejectedRow($"{url}#/1/chi_so/dich_vu", "the item has no value at $.chi_so.dich_vu for 'm2'; write null when there is no value, or correct \"measures\""),
                new RejectedRow($"{url}#/2/chi_so/ha tầng", "the unit 'không-có' (don_vi.ma) is not in the assessment's unit list; correct the id or add the unit"),
                new RejectedRow($"{url}#/2/chi_so/dich_vu", "the unit 'không-có' (don_vi.ma) is not in the assessment's unit list; correct the id or add the unit"),
            ],
            result.Account.Rejected);
        Assert.Equal((6L, 3L), (result.Account.RowsRead, result.Account.RowsAccepted));
        Assert.Equal("?nam=2023", Assert.Single(api.Requests).Query);
    }

    [Fact]
    public async Task ReadAsync_WideItemsMapAComputedMeasure_ThrowsBeforeAnyRequest()
    {
        await using var api = await LoopbackApi.StartAsync();
        var settings = $$"""{ "url": "{{api.BaseUri}}x", "period": "2023", "items": "$", "unitPath": "u", "measures": { "m4": "v" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal("cong-dvc: the setting \"measures\" maps a path to 'm4': the measure 'm4' is computed by the formula 'm1 + m2', so it is not read from data; remove the value or drop the formula.", exception.Message);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task ReadAsync_RawRecords_AggregatesDossiersPerUnit()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/ho-so", """
            { "ket_qua": { "ho_so": [
              { "co_quan": "so-yt", "nam": 2023, "dung_han": true, "so_ngay": 3 },
              { "co_quan": "so-yt", "nam": 2023, "dung_han": false, "so_ngay": 9 },
              { "co_quan": "so-yt", "nam": 2023, "dung_han": 1, "so_ngay": null, "ghi_chu": "x" },
              { "co_quan": "so-yt", "nam": 2023, "dung_han": 1, "so_ngay": "ba" },
              { "co_quan": "p1", "nam": 2023, "dung_han": 1, "so_ngay": 2 },
              { "co_quan": "p1", "nam": 2022, "dung_han": 0, "so_ngay": 20 },
              { "co_quan": "xyz", "nam": 2023, "dung_han": 1, "so_ngay": 1 }
            ] } }
            """);
        var settings = $$"""
            { "url": "{{api.BaseUri}}api/ho-so", "items": "$.ket_qua.ho_so[*]", "unitPath": "$.co_quan", "periodPath": "$.nam",
              "records": "ho_so", "fields": { "dung_han": "$.dung_han", "so_ngay": "$.so_ngay", "ghi_chu": "$.ghi_chu" } }
            """;
        var url = api.Url("/api/ho-so");

        var result = await TestSources.Create(settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                ("dung_han", "so-yt", 2.0 / 3), ("dung_han", "so-gd", double.NaN), ("dung_han", "p1", 1.0),
                ("so_ngay", "so-yt", 6.0), ("so_ngay", "so-gd", double.NaN), ("so_ngay", "p1", 2.0),
            ],
            result.Observations.Select(o => (o.MeasureId, o.UnitId, o.Value)));
        Assert.Equal($"{url}#/ket_qua/ho_so (3 'ho_so' record(s) of 'so-yt' in 1 page)", result.Observations[0].Provenance.Location);
        Assert.Equal(
            [
                new RejectedRow($"{url}#/ket_qua/ho_so/3", "the field 'so_ngay' at $.so_ngay is the text 'ba', not a number"),
                new RejectedRow($"{url}#/ket_qua/ho_so/5", "period 2022 is not the period assessed (2023)"),
                new RejectedRow($"{url}#/ket_qua/ho_so/6", "the unit 'xyz' ($.co_quan) is not in the assessment's unit list; correct the id or add the unit"),
            ],
            result.Account.Rejected);
        Assert.Equal((7L, 4L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadAsync_RecordsNoMeasureDerivesFrom_ThrowsNamingTheRecordSet()
    {
        await using var api = await LoopbackApi.StartAsync();
        var settings = $$"""{ "url": "{{api.BaseUri}}x", "period": "2023", "items": "$", "unitPath": "u", "records": "dossiers", "fields": { "a": "a" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("cong-dvc: no measure of the definition derives from the records 'dossiers'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RecordsLackAFieldADerivationReads_ThrowsNamingIt()
    {
        await using var api = await LoopbackApi.StartAsync();
        var settings = $$"""{ "url": "{{api.BaseUri}}x", "period": "2023", "items": "$", "unitPath": "u", "records": "ho_so", "fields": { "dung_han": "d" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Contains("Measure 'so_ngay' reads the field 'so_ngay', which the records do not have", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ItemsPathMissing_ThrowsDescribingTheAnswer()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.MapJson("/api/thong-ke", """{ "status": "ok", "result": [] }""");

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(LongSettings(api.BaseUri)).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal($"cong-dvc: the answer from {api.Url("/api/thong-ke")} has no items at $.data.items[*] (setting \"items\"); its top level has \"status\", \"result\".", exception.Message);
    }
}
