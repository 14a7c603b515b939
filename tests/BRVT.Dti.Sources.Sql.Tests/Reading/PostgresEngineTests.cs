using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>The scenario checks on a real PostgreSQL server, and what only PostgreSQL has: passwords, NaN and infinities in typed columns.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineTests(PostgresCluster cluster)
{
    [Fact]
    public async Task ReadAsync_Scenario_EveryRowAcceptedOrRejectedWithLocation()
    {
        using var database = TestDatabase.Postgres(cluster);
        await ScenarioChecks.ReadsEverythingAccountedFor(database);
    }

    [Fact]
    public async Task ReadAsync_PushdownOff_SameObservationsAndAccount()
    {
        using var database = TestDatabase.Postgres(cluster);
        await ScenarioChecks.PushdownEqualsStreaming(database);
    }

    [Fact]
    public async Task ReadAsync_StrictMode_ThrowsNamingFirstBadRow()
    {
        using var database = TestDatabase.Postgres(cluster);
        await ScenarioChecks.StrictModeNamesTheFirstBadRow(database);
    }

    [Fact]
    public async Task ReadAsync_FilterArithmeticOverflows_MissingAsRowByRow()
    {
        using var database = TestDatabase.Postgres(cluster);
        await FuzzFindTests.FilterArithmeticOverflows(database);
    }

    [Theory]
    [InlineData("double precision")]
    [InlineData("real")]
    [InlineData("numeric(18,3)")]
    public async Task ReadAsync_RecordPeriodInFloatingPointOrNumericColumn_RecordsOfThePeriodAreRead(string type)
    {
        using var database = TestDatabase.Postgres(cluster);
        await FuzzFindTests.PeriodInNumericColumn(database, type);
    }

    [Fact]
    public async Task ReadAsync_NumericBeyondDecimal_ReadAsTheNearestDouble()
    {
        using var database = TestDatabase.Postgres(cluster);
        await FuzzFindTests.NumbersBeyondDecimal(database, "numeric(40,0)");
    }

    [Fact]
    public async Task ReadAsync_AggregateQueryFailsAfterSomeGroups_RecordsCountedOnceInProvenance()
    {
        // Found by the SQL data fuzz: the groups counted before PostgreSQL stopped the aggregate query (a sum that
        // overflows) were counted again by the row-by-row read, so provenance cited more records than were used.
        using var database = TestDatabase.Postgres(cluster);
        var name = (string)database.Scalar("SELECT current_database()")!;
        database.Execute($"ALTER DATABASE {name} SET enable_hashagg = off"); // groups come out one by one, in unit order
        database.Execute("CREATE TABLE ho_so (agency text, year integer, fee double precision)");
        database.Insert("ho_so", [["a", 2023, 1.0], ["a", 2023, 2.0], ["b", 2023, 1e308], ["b", 2023, 1e308]]);
        var source = database.CreateSource("""
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency", "period": "year" }, "fields": { "fee": "fee" } } }
            """);
        var result = await Requests.ReadAsync(source, Requests.Request([Requests.Derived("total", "sum", field: "fee"), Requests.Derived("n", "count")], ["a", "b"]));
        Assert.Equal(["a|n|2023|2|", "a|total|2023|3|", "b|n|2023|2|", "b|total|2023|Infinity|"], Requests.Show(result.Observations));
        Assert.All(result.Observations, o => Assert.Contains("(2 records of period 2023 of unit ", o.Provenance.Location, StringComparison.Ordinal));
        Assert.Equal((4L, 4L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadAsync_DuplicatesBeyondTheNinthRow_TheRowStoredFirstIsKept()
    {
        // Found by the SQL data fuzz: rows were ordered by their ctid as text, so "(0,10)" came before "(0,2)" and the
        // tenth row was kept over the second.
        using var database = TestDatabase.Postgres(cluster);
        database.Execute("CREATE TABLE chi_tieu (unit text, measure text, year integer, value double precision)");
        database.Insert("chi_tieu", [.. Enumerable.Range(1, 12).Select(i => new object?[] { i is 2 or 10 ? "a" : "b", i is 2 or 10 ? "m1" : $"x{i}", 2023, (double)i })]);
        var result = await Requests.ReadAsync(database.CreateSource("""
            "observations": { "table": "chi_tieu", "columns": { "period": "year" } }
            """), Requests.Request([Requests.Observed("m1")], ["a", "b"]));
        Assert.Equal(["a|m1|2023|2|"], Requests.Show(result.Observations));
        Assert.EndsWith(" chi_tieu:ctid=(0,2)", result.Observations[0].Provenance.Location, StringComparison.Ordinal);
        Assert.Single(result.Account.Rejected, r => r.Location.EndsWith(" chi_tieu:ctid=(0,10)", StringComparison.Ordinal) && r.Reason.StartsWith("a second value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_NoKeyColumn_RowsLocatedByCtid()
    {
        using var database = TestDatabase.Postgres(cluster);
        DossierScenario.Create(database);
        var result = await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(key: false)), DossierScenario.Request());
        Assert.Contains(result.Account.Rejected, r => r.Location.EndsWith(" chi_tieu:ctid=(0,9)", StringComparison.Ordinal) && r.Reason.StartsWith("period 2022", StringComparison.Ordinal));
        var noUnit = Assert.Single(result.Account.Rejected, r => r.Reason.StartsWith("the record has no unit", StringComparison.Ordinal));
        Assert.Matches(@"^postgres:127\.0\.0\.1:\d+/dti_test_\d+ ho_so:ctid=\(0,\d+\)$", noUnit.Location);
    }

    [Fact]
    public async Task ReadAsync_PasswordFromEnvironmentVariable_ConnectsWithoutStoringIt()
    {
        using var database = TestDatabase.Postgres(cluster);
        DossierScenario.Create(database);
        var variable = "DTI_TEST_PG_PASSWORD_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, PostgresCluster.ReaderPassword);
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = PostgresCluster.ReaderRole }.ConnectionString;
            var source = Create(database, $$"""
                "connectionString": {{System.Text.Json.JsonSerializer.Serialize(connection)}}, "passwordEnv": "{{variable}}",
                {{DossierScenario.SourceMembers()}}
                """);
            var result = await Requests.ReadAsync(source, DossierScenario.Request());
            Assert.Equal(DossierScenario.ExpectedDerived(), Requests.Show(result.Observations.Where(o => o.MeasureId is not ("portal" or "staff"))));
            Assert.All(result.Observations.Select(o => o.Provenance.Location).Concat(result.Account.Rejected.Select(r => r.Location + r.Reason)),
                text => Assert.DoesNotContain(PostgresCluster.ReaderPassword, text, StringComparison.Ordinal));

            Environment.SetEnvironmentVariable(variable, "wrong-password");
            var wrong = Create(database, $$"""
                "connectionString": {{System.Text.Json.JsonSerializer.Serialize(connection)}}, "passwordEnv": "{{variable}}",
                {{DossierScenario.SourceMembers()}}
                """);
            var exception = await Assert.ThrowsAsync<DataSourceException>(() => wrong.ReadAsync(DossierScenario.Request()).AsTask());
            Assert.Contains("could not open the postgres database postgres:127.0.0.1:", exception.Message, StringComparison.Ordinal);
            Assert.Contains("password authentication failed", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-password", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task ReadAsync_NaNAndInfinityInRecords_FallsBackAndRejectsEachWithItsLocation()
    {
        using var database = TestDatabase.Postgres(cluster);
        database.Execute("CREATE TABLE ho_so (id integer, agency text, year integer, days double precision)");
        database.Execute("INSERT INTO ho_so VALUES (1, 'a', 2023, 2), (2, 'a', 2023, 'NaN'), (3, 'a', 2023, 'Infinity'), (4, 'a', 2023, 4), (5, 'a', 2023, NULL)");
        var log = new LogCapture();
        var source = database.CreateSource("""
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency", "period": "year", "key": "id" }, "fields": { "days": "days" } } }
            """, log: log);
        var result = await Requests.ReadAsync(source, Requests.Request([Requests.Derived("mean_days", "mean", field: "days"), Requests.Derived("n", "count")], ["a"]));
        Assert.Equal(["a|mean_days|2023|3|", "a|n|2023|3|"], Requests.Show(result.Observations));
        Assert.Equal(5, result.Account.RowsRead);
        Assert.Equal(3, result.Account.RowsAccepted);
        Assert.Equal(["ho_so:id=2 | field 'days' (column days) holds NaN, which is not a finite number", "ho_so:id=3 | field 'days' (column days) holds Infinity, which is not a finite number"],
            result.Account.Rejected.Select(r => $"{ScenarioChecks.WithoutDatabase(r.Location)} | {r.Reason[..r.Reason.IndexOf(';', StringComparison.Ordinal)]}").Order(StringComparer.Ordinal));
        Assert.Contains(log.Messages(3), m => m.Contains("2 in field 'days'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TextColumnOfNumbers_ReadRowByRowAndBadOnesRejected()
    {
        using var database = TestDatabase.Postgres(cluster);
        database.Execute("CREATE TABLE ho_so (agency text, year text, days text)");
        database.Execute("INSERT INTO ho_so VALUES ('a', '2023', '2.5'), ('a', '2023', ' 3.5 '), ('a', '2023', 'hai'), ('a', '2023', ''), ('a', '2022', 'x')");
        var log = new LogCapture();
        var source = database.CreateSource("""
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency", "period": "year" }, "fields": { "days": "days" } } }
            """, log: log);
        var result = await Requests.ReadAsync(source, Requests.Request([Requests.Derived("sum_days", "sum", field: "days")], ["a"]));
        Assert.Equal(["a|sum_days|2023|6|"], Requests.Show(result.Observations));
        var rejected = Assert.Single(result.Account.Rejected);
        Assert.Matches(@" ho_so:ctid=\(0,3\)$", rejected.Location);
        Assert.StartsWith("field 'days' (column days) holds 'hai', which is not a number", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains(log.Messages(3), m => m.Contains("of type text, which the database cannot aggregate as a number", StringComparison.Ordinal));
    }

    private static IDataSource Create(TestDatabase database, string members)
    {
        using var document = System.Text.Json.JsonDocument.Parse($$"""{ "name": "db", "type": "postgres", {{members}} }""");
        return new PostgresSourceFactory().Create(new DataSourceConfiguration
        {
            Name = "db",
            Type = "postgres",
            Settings = document.RootElement.Clone(),
            BaseDirectory = database.Workspace,
            ConfigurationFile = "sources.json",
            Pointer = "/sources/0",
        });
    }
}
