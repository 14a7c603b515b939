using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Translation;

/// <summary>
/// The SQL sent for the scenario's derived measures, as the log shows it: one query for all of them, names quoted,
/// every number of every filter and the period as parameters, conditional aggregates per measure.
/// </summary>
public sealed class QueryTextTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_ScenarioMeasures_OneParameterisedGroupByQuery(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        DossierScenario.Create(database);
        var log = new LogCapture();
        await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(), log: log), DossierScenario.Request());
        var query = Assert.Single(log.Messages(2));
        var sql = query[(query.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        Assert.Equal(engine == "sqlite" ? SqliteText : DuckDbText, sql);
    }

    internal const string PostgresText =
        "SELECT \"agency\""
        + ", COUNT(*)"
        + ", SUM(CASE WHEN CAST((CAST(\"online\" AS double precision) = @p1) AS INTEGER) = 1 THEN 1 ELSE 0 END)"
        + ", COUNT(*)"
        + ", SUM(CASE WHEN (CAST((CAST((CAST(\"days\" AS double precision) IS NULL) AS INTEGER) = 0) AS INTEGER) = 1) AND (CAST((CAST(\"on_time\" AS double precision) = @p2) AS INTEGER) = 1) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN CAST((CAST((CAST(\"days\" AS double precision) IS NULL) AS INTEGER) = 0) AS INTEGER) = 1 THEN 1 ELSE 0 END)"
        + ", SUM(CAST(\"days\" AS double precision))"
        + ", COUNT(CAST(\"days\" AS double precision))"
        + ", COUNT(*)"
        + ", MAX(CASE WHEN CAST((CAST(\"online\" AS double precision) = @p3) AS INTEGER) = 1 THEN CAST(\"days\" AS double precision) END)"
        + ", MIN(CAST(\"days\" AS double precision))"
        + ", SUM(CASE WHEN (CAST((CAST(\"fee\" AS double precision) > @p4) AS INTEGER) * CAST(((CAST((CAST(\"online\" AS double precision) = @p5) AS INTEGER) + CAST((CAST(\"days\" AS double precision) <= @p6) AS INTEGER)) > 0) AS INTEGER)) = 1 THEN CAST(\"fee\" AS double precision) END)"
        + ", SUM(CASE WHEN CAST(\"days\" AS double precision) IN (CAST('NaN' AS double precision), CAST('Infinity' AS double precision), CAST('-Infinity' AS double precision)) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN CAST(\"fee\" AS double precision) IN (CAST('NaN' AS double precision), CAST('Infinity' AS double precision), CAST('-Infinity' AS double precision)) THEN 1 ELSE 0 END)"
        + " FROM \"ho_so\" WHERE \"year\" = @p0 GROUP BY \"agency\"";

    private const string SqliteText =
        "SELECT \"agency\""
        + ", COUNT(*)"
        + ", SUM(CASE WHEN (CAST(\"online\" AS REAL) = @p2) = 1 THEN 1 ELSE 0 END)"
        + ", COUNT(*)"
        + ", SUM(CASE WHEN (((CAST(\"days\" AS REAL) IS NULL) = 0) = 1) AND ((CAST(\"on_time\" AS REAL) = @p3) = 1) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN ((CAST(\"days\" AS REAL) IS NULL) = 0) = 1 THEN 1 ELSE 0 END)"
        + ", SUM(CAST(\"days\" AS REAL))"
        + ", COUNT(CAST(\"days\" AS REAL))"
        + ", COUNT(*)"
        + ", MAX(CASE WHEN (CAST(\"online\" AS REAL) = @p4) = 1 THEN CAST(\"days\" AS REAL) END)"
        + ", MIN(CAST(\"days\" AS REAL))"
        + ", SUM(CASE WHEN ((CAST(\"fee\" AS REAL) > @p5) * (((CAST(\"online\" AS REAL) = @p6) + (CAST(\"days\" AS REAL) <= @p7)) > 0)) = 1 THEN CAST(\"fee\" AS REAL) END)"
        + ", SUM(CASE WHEN NOT (typeof(\"days\") IN ('integer', 'null') OR (typeof(\"days\") = 'real' AND abs(\"days\") <= 1.7976931348623157e308)) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN NOT (typeof(\"fee\") IN ('integer', 'null') OR (typeof(\"fee\") = 'real' AND abs(\"fee\") <= 1.7976931348623157e308)) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN NOT (typeof(\"on_time\") IN ('integer', 'null') OR (typeof(\"on_time\") = 'real' AND abs(\"on_time\") <= 1.7976931348623157e308)) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN NOT (typeof(\"online\") IN ('integer', 'null') OR (typeof(\"online\") = 'real' AND abs(\"online\") <= 1.7976931348623157e308)) THEN 1 ELSE 0 END)"
        + " FROM \"ho_so\" WHERE (\"year\" = @p0 OR \"year\" = @p1) GROUP BY \"agency\"";

    private const string DuckDbText =
        "SELECT \"agency\""
        + ", COUNT(*)"
        + ", SUM(CASE WHEN CAST((CAST(\"online\" AS DOUBLE) = CAST($p1 AS DOUBLE)) AS INTEGER) = 1 THEN 1 ELSE 0 END)"
        + ", COUNT(*)"
        + ", SUM(CASE WHEN (CAST((CAST((CAST(\"days\" AS DOUBLE) IS NULL) AS INTEGER) = 0) AS INTEGER) = 1) AND (CAST((CAST(\"on_time\" AS DOUBLE) = CAST($p2 AS DOUBLE)) AS INTEGER) = 1) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN CAST((CAST((CAST(\"days\" AS DOUBLE) IS NULL) AS INTEGER) = 0) AS INTEGER) = 1 THEN 1 ELSE 0 END)"
        + ", SUM(CAST(\"days\" AS DOUBLE))"
        + ", COUNT(CAST(\"days\" AS DOUBLE))"
        + ", COUNT(*)"
        + ", MAX(CASE WHEN CAST((CAST(\"online\" AS DOUBLE) = CAST($p3 AS DOUBLE)) AS INTEGER) = 1 THEN CAST(\"days\" AS DOUBLE) END)"
        + ", MIN(CAST(\"days\" AS DOUBLE))"
        + ", SUM(CASE WHEN (CAST((CAST(\"fee\" AS DOUBLE) > CAST($p4 AS DOUBLE)) AS INTEGER) * CAST(((CAST((CAST(\"online\" AS DOUBLE) = CAST($p5 AS DOUBLE)) AS INTEGER) + CAST((CAST(\"days\" AS DOUBLE) <= CAST($p6 AS DOUBLE)) AS INTEGER)) > 0) AS INTEGER)) = 1 THEN CAST(\"fee\" AS DOUBLE) END)"
        + ", SUM(CASE WHEN NOT isfinite(CAST(\"days\" AS DOUBLE)) THEN 1 ELSE 0 END)"
        + ", SUM(CASE WHEN NOT isfinite(CAST(\"fee\" AS DOUBLE)) THEN 1 ELSE 0 END)"
        + " FROM \"ho_so\" WHERE \"year\" = $p0 GROUP BY \"agency\"";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryTextTests(PostgresCluster cluster)
{
    [Fact]
    public async Task ReadAsync_ScenarioMeasures_OneParameterisedGroupByQuery()
    {
        using var database = TestDatabase.Postgres(cluster);
        DossierScenario.Create(database);
        var log = new LogCapture();
        await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(), log: log), DossierScenario.Request());
        var query = Assert.Single(log.Messages(2));
        Assert.Equal(QueryTextTests.PostgresText, query[(query.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }
}
