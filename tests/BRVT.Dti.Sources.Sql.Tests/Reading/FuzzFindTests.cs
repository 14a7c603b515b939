using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>
/// What the SQL data fuzz (tests/BRVT.Dti.Fuzz.Tests, <c>SqlDataFuzzTests</c>) found, fixed and kept fixed: a filter whose
/// arithmetic overflows, periods stored in floating-point or decimal columns, integers beyond double precision.
/// </summary>
public sealed class FuzzFindTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public Task ReadAsync_FilterArithmeticOverflows_MissingInTheDatabaseAsRowByRow(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        return FilterArithmeticOverflows(database);
    }

    [Theory]
    [InlineData("sqlite", "REAL")]
    [InlineData("duckdb", "DOUBLE")]
    [InlineData("duckdb", "FLOAT")]
    [InlineData("duckdb", "DECIMAL(18,3)")]
    public Task ReadAsync_RecordPeriodInFloatingPointOrDecimalColumn_RecordsOfThePeriodAreRead(string engine, string type)
    {
        using var database = TestDatabase.Create(engine, null);
        return PeriodInNumericColumn(database, type);
    }

    [Fact]
    public async Task ReadAsync_HugeIntegerBeyondDoublePrecision_SameExtremeInTheDatabaseAndRowByRow()
    {
        using var database = TestDatabase.DuckDb();
        database.Execute("CREATE TABLE ho_so (agency VARCHAR, year INTEGER, fee HUGEINT)");
        database.Execute("INSERT INTO ho_so VALUES ('a', 2023, 1000000000000000000000000000000), ('a', 2023, 7), ('b', 2023, -1000000000000000000000000000000)");
        var measures = new[] { Requests.Derived("most", "max", field: "fee"), Requests.Derived("least", "min", field: "fee") };
        var (pushed, streamed) = await BothWaysAsync(database, "fee", measures, ["a", "b"]);
        Assert.Equal(["a|least|2023|7|", "a|most|2023|1E+30|", "b|least|2023|-1E+30|", "b|most|2023|-1E+30|"], Requests.Show(pushed.Observations));
        Assert.Equal(Requests.Show(pushed.Observations), Requests.Show(streamed.Observations));
    }

    [Fact]
    public Task ReadAsync_DecimalBeyondSystemDecimal_ReadAsTheNearestDouble()
    {
        using var database = TestDatabase.DuckDb();
        return NumbersBeyondDecimal(database, "DECIMAL(38,0)");
    }

    /// <summary>
    /// A decimal column holding more than System.Decimal can (10^30) failed the whole read with an overflow when read
    /// row by row; the value is a number, read as the nearest double, in an observation table and in a record set.
    /// </summary>
    internal static async Task NumbersBeyondDecimal(TestDatabase database, string type)
    {
        database.Execute($"CREATE TABLE chi_tieu (unit {database.Text}, measure {database.Text}, year {database.Integer}, value {type})");
        database.Execute("INSERT INTO chi_tieu VALUES ('a', 'm1', 2023, 1000000000000000000000000000000), ('a', 'm2', 2023, 7)");
        database.Execute($"CREATE TABLE ho_so (agency {database.Text}, year {database.Integer}, fee {type})");
        database.Execute("INSERT INTO ho_so VALUES ('a', 2023, 1000000000000000000000000000000), ('a', 2023, 7)");
        var members = """
            "observations": { "table": "chi_tieu", "columns": { "period": "year" } },
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency", "period": "year" }, "fields": { "fee": "fee" }, "pushdown": false } }
            """;
        var measures = new[] { Requests.Observed("m1"), Requests.Observed("m2"), Requests.Derived("most", "max", field: "fee"), Requests.Derived("n", "count", filter: "fee > 1e29") };
        var result = await Requests.ReadAsync(database.CreateSource(members), Requests.Request(measures, ["a"]));
        Assert.Equal(["a|m1|2023|1E+30|", "a|m2|2023|7|", "a|most|2023|1E+30|", "a|n|2023|1|"], Requests.Show(result.Observations));
        Assert.Empty(result.Account.Rejected);
    }

    /// <summary>
    /// <c>fee * 1e300 &gt; 0</c> overflows for a fee of 1e308: the formula language makes it missing (the filter fails),
    /// SQLite and DuckDB compute +Infinity (the filter held, in the database only), PostgreSQL fails the query.
    /// </summary>
    internal static async Task FilterArithmeticOverflows(TestDatabase database)
    {
        database.Execute($"CREATE TABLE ho_so (agency {database.Text}, year {database.Integer}, fee {database.Double})");
        database.Insert("ho_so", [["a", 2023, 1e308], ["a", 2023, 2.0], ["a", 2023, null], ["a", 2023, -1e308], ["b", 2023, 1e308]]);
        var measures = new[]
        {
            Requests.Derived("n", "count", filter: "fee * 1e300 > 0"),
            Requests.Derived("most", "max", field: "fee", filter: "fee * 1e300 > 0"),
            Requests.Derived("share", "ratio", filter: "fee * 1e300 < 0 or fee / 1e-300 < 1"),
            Requests.Derived("total", "sum", field: "fee", filter: "not (fee + fee > 1) and not missing(fee)"),
        };
        var (pushed, streamed) = await BothWaysAsync(database, "fee", measures, ["a", "b"]);
        Assert.Equal(
            ["a|most|2023|2|", "a|n|2023|1|", "a|share|2023|0|", "a|total|2023|0|", "b|most|2023|NaN|", "b|n|2023|0|", "b|share|2023|0|", "b|total|2023|0|"],
            Requests.Show(pushed.Observations));
        Assert.Equal(Requests.Show(streamed.Observations), Requests.Show(pushed.Observations));
    }

    /// <summary>Records of 2023 stored as 2023.0 (or 2023.000) are records of the period 2023, as in an observation table.</summary>
    internal static async Task PeriodInNumericColumn(TestDatabase database, string type)
    {
        database.Execute($"CREATE TABLE ho_so (agency {database.Text}, year {type}, fee {database.Double})");
        database.Insert("ho_so", [["a", 2023.0, 1.0], ["a", 2023.0, 2.0], ["a", 2022.0, 4.0], ["a", 2023.5, 8.0], ["b", 2023.0, 16.0]]);
        var measures = new[] { Requests.Derived("n", "count"), Requests.Derived("total", "sum", field: "fee") };
        var (pushed, streamed) = await BothWaysAsync(database, "fee", measures, ["a", "b"]);
        Assert.Equal(["a|n|2023|2|", "a|total|2023|3|", "b|n|2023|1|", "b|total|2023|16|"], Requests.Show(pushed.Observations));
        Assert.Equal(3, pushed.Account.RowsRead);
        Assert.Equal(Requests.Show(pushed.Observations), Requests.Show(streamed.Observations));
        Assert.Equal(pushed.Account.RowsRead, streamed.Account.RowsRead);
    }

    /// <summary>Reads the record set in the database and row by row; the first read must have been aggregated in the database (or have fallen back, on PostgreSQL).</summary>
    private static async Task<(SourceReadResult Pushed, SourceReadResult Streamed)> BothWaysAsync(TestDatabase database, string field, IReadOnlyList<Definitions.MeasureDefinition> measures, string[] units)
    {
        var members = $$"""
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency", "period": "year" }, "fields": { "{{field}}": "{{field}}" }, "pushdown": true } }
            """;
        var pushed = await Requests.ReadAsync(database.CreateSource(members), Requests.Request(measures, units));
        var streamed = await Requests.ReadAsync(database.CreateSource(members.Replace("\"pushdown\": true", "\"pushdown\": false", StringComparison.Ordinal)), Requests.Request(measures, units));
        if (database.Engine != "postgres")
        {
            Assert.All(pushed.Observations, o => Assert.Contains("aggregated in the database", o.Provenance.Location, StringComparison.Ordinal));
        }

        Assert.All(streamed.Observations, o => Assert.Contains("aggregated row by row", o.Provenance.Location, StringComparison.Ordinal));
        return (pushed, streamed);
    }
}
