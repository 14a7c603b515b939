using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>Values that are not numbers, NULLs, views without row identifiers and values that look like SQL, on the embedded engines.</summary>
public sealed class BadValueTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_TextValues_NumbersAcceptedOthersRejectedAtTheirRow(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        database.Execute($"CREATE TABLE t (id {database.Integer}, unit {database.Text}, measure {database.Text}, year {database.Text}, value {database.Text})");
        database.Insert("t",
        [
            [1, "a", "m1", "2023", "12.5"],
            [2, "a", "m2", "2023", " 3 "],
            [3, "a", "m3", "2023", "abc"],
            [4, "a", "m4", "2023", ""],
            [5, "a", "m5", "2023", null],
            [6, "a", "m6", "2023", "1,5"],
            [7, "a", "m7", "2023", "NaN"],
            [8, "a", "m8", "2023", "-Infinity"],
            [9, "a", "m9", " 2023 ", "1e3"],
        ]);
        var source = database.CreateSource("""
            "observations": { "table": "t", "columns": { "period": "year", "key": "id" } }
            """);
        var result = await Requests.ReadAsync(source, Requests.Request(Enumerable.Range(1, 9).Select(i => Requests.Observed($"m{i}")), ["a"]));
        Assert.Equal(["a|m1|2023|12.5|", "a|m2|2023|3|", "a|m4|2023|NaN|", "a|m5|2023|NaN|", "a|m9|2023|1000|"], Requests.Show(result.Observations));
        Assert.Equal(
            [
                "t:id=3 | the value 'abc' (column value) of unit 'a', measure 'm3' is not a number",
                "t:id=6 | the value '1,5' (column value) of unit 'a', measure 'm6' is not a number",
                "t:id=7 | the value 'NaN' (column value) of unit 'a', measure 'm7' is not a finite number",
                "t:id=8 | the value '-Infinity' (column value) of unit 'a', measure 'm8' is not a finite number",
            ],
            result.Account.Rejected.Select(r => $"{ScenarioChecks.WithoutDatabase(r.Location)} | {r.Reason[..r.Reason.IndexOf(';', StringComparison.Ordinal)]}"));
        Assert.Equal(9, result.Account.RowsRead);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_Views_RowsNumberedInQueryOrderAndPushdownStillLocatesRejects(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        DossierScenario.Create(database);
        database.Execute("CREATE VIEW v_ho_so AS SELECT agency, year, online, on_time, days, fee FROM ho_so");
        database.Execute("CREATE VIEW v_chi_tieu AS SELECT unit, measure, year, value, stage FROM chi_tieu");
        var members = DossierScenario.SourceMembers(key: false)
            .Replace("\"table\": \"ho_so\"", "\"table\": \"v_ho_so\"", StringComparison.Ordinal)
            .Replace("\"table\": \"chi_tieu\"", "\"table\": \"v_chi_tieu\"", StringComparison.Ordinal);
        var pushed = await Requests.ReadAsync(database.CreateSource(members), DossierScenario.Request());
        var streamed = await Requests.ReadAsync(database.CreateSource(members.Replace("\"pushdown\": true", "\"pushdown\": false", StringComparison.Ordinal)), DossierScenario.Request());
        Assert.Equal(DossierScenario.ExpectedDerived(), Requests.Show(pushed.Observations.Where(o => o.MeasureId is not ("portal" or "staff"))));
        Assert.Equal(Requests.Show(streamed.Observations), Requests.Show(pushed.Observations));
        ScenarioChecks.AssertSameAccount(streamed.Account, pushed.Account);
        Assert.Equal(3, pushed.Account.Rejected.Count(r => r.Location.Contains(" v_ho_so query row ", StringComparison.Ordinal)));
        Assert.Equal(6, pushed.Account.Rejected.Count(r => r.Location.Contains(" v_chi_tieu query row ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_ValuesThatLookLikeSql_AreJustData(string engine)
    {
        const string Unit = "'; DELETE FROM t; --";
        const string Period = "2023' OR '1'='1";
        using var database = TestDatabase.Create(engine, null);
        database.Execute($"CREATE TABLE t (unit {database.Text}, year {database.Text}, ok {database.Integer})");
        database.Insert("t", [[Unit, Period, 1], [Unit, Period, 0], ["b", "2023", 1], [Unit, "2023", 1]]);
        var source = database.CreateSource("""
            "records": { "d": { "table": "t", "columns": { "unit": "unit", "period": "year" }, "fields": { "ok": "ok" } } }
            """);
        var measures = new[] { Requests.Derived("n", "count", records: "d"), Requests.Derived("share", "ratio", filter: "ok = 1", records: "d") };
        var result = await Requests.ReadAsync(source, Requests.Request(measures, [Unit, "b"], Period));
        Assert.Equal([$"{Unit}|n|{Period}|2|", $"{Unit}|share|{Period}|0.5|", $"b|n|{Period}|0|", $"b|share|{Period}|NaN|"], Requests.Show(result.Observations));
        Assert.Equal(4L, Convert.ToInt64(database.Scalar("SELECT COUNT(*) FROM t"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadAsync_SqliteTextInNumericColumn_FallsBackAndRejectsEachRecord()
    {
        using var database = TestDatabase.Sqlite();
        database.Execute("CREATE TABLE t (unit TEXT, year INTEGER, days REAL)");
        database.Execute("INSERT INTO t VALUES ('a', 2023, 2), ('a', 2023, 'hai'), ('a', 2023, X'00'), ('a', 2023, '4'), ('a', 2023, 9e999)");
        var log = new LogCapture();
        var source = database.CreateSource("""
            "records": { "d": { "table": "t", "columns": { "unit": "unit", "period": "year" }, "fields": { "days": "days" } } }
            """, log: log);
        var result = await Requests.ReadAsync(source, Requests.Request([Requests.Derived("max", "max", field: "days", records: "d")], ["a"]));
        Assert.Equal(["a|max|2023|4|"], Requests.Show(result.Observations));
        Assert.Equal(["t:rowid=2", "t:rowid=3", "t:rowid=5"], result.Account.Rejected.Select(r => ScenarioChecks.WithoutDatabase(r.Location)));
        Assert.Contains(log.Messages(3), m => m.Contains("some records hold values that are not finite numbers (3 in field 'days')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_FilterWithRound_FallsBackWithSameResultAsAggregator()
    {
        using var database = TestDatabase.Sqlite();
        DossierScenario.Create(database);
        var log = new LogCapture();
        var source = database.CreateSource(DossierScenario.SourceMembers(), log: log);
        var measures = new[] { Requests.Derived("quick", "count", filter: "round(days) <= 4"), Requests.Derived("dossiers", "count") };
        var result = await Requests.ReadAsync(source, Requests.Request(measures, DossierScenario.Units));
        Assert.Contains(result.Observations, o => o is { UnitId: "so-tc", MeasureId: "quick", Value: 2 });
        Assert.Contains(log.Messages(3), m => m.Contains("measure 'quick' uses round(", StringComparison.Ordinal));
        Assert.Empty(log.Messages(1));
    }
}
