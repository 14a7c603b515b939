using System.Diagnostics;
using System.Globalization;
using System.Text;
using BRVT.Dti.Reporting.Tests;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;
using BRVT.Dti.Sources.Http.Tests;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace BRVT.Dti.Host.Tests.Accounting;

/// <summary>
/// Issue 8, item 5: <c>dti rank</c> on a workspace whose sources.json uses every source type the host ships — csv-long,
/// csv-wide, csv-records, xlsx, sqlite (an observation table and a record set), duckdb, postgres (a real server) and
/// http-json (a real Kestrel server on 127.0.0.1) — each with a known number of rows and known bad rows of several
/// kinds (unknown unit, bad number, duplicate, other period, missing cell, unknown measure, empty unit, a value that is
/// not finite). From the run's outputs alone: for every source, rows read = accepted + rejected with the counts
/// generated; <c>rejected-rows.csv</c> lists exactly the bad rows, each with its exact location and reason; the totals
/// are the generated ones.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EndToEndAccountingTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Period = "2023";

    private static readonly string[] Units = ["so-tttt", "so-tc", "so-yt", "so-gd", "so-nv", "so-xd"];

    [Fact]
    public async Task Rank_EverySourceTypeWithBadRows_EachAccountBalancesAndEveryBadRowIsListedWithItsLocation()
    {
        var clock = Stopwatch.StartNew();
        var workspace = DtiProcess.TempDirectory();
        Directory.CreateDirectory(Path.Combine(workspace, "data"));
        WriteUnits(workspace);
        File.WriteAllText(Path.Combine(workspace, "index.json"), Definition());
        File.WriteAllText(Path.Combine(workspace, "workspace.json"), """
            { "name": "Kiểm tra đối soát dữ liệu / end-to-end data accounting", "units": "units.csv", "period": "2023",
              "assessments": [ { "id": "doi-soat", "definition": "index.json" } ],
              "sources": { "2023": "sources-2023.json" }, "reports": [ "json" ] }
            """);
        WriteCsvFiles(workspace);
        WriteWorkbook(Path.Combine(workspace, "data", "tu-danh-gia.xlsx"));
        WriteSqlite(Path.Combine(workspace, "data", "csdl.db"));
        WriteDuckDb(Path.Combine(workspace, "data", "kho.duckdb"));
        var database = cluster.CreateDatabase();
        WritePostgres(cluster.ConnectionString(database));
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api/chi-so", (context, _) => LoopbackApi.Json(context, Page(context.Request.Query["page"].ToString())));
        File.WriteAllText(Path.Combine(workspace, "sources-2023.json"), Sources(api.BaseUri, cluster.ConnectionString(database)));
        var prepared = clock.Elapsed;

        var (exit, stdout, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "dti-out", "--quiet");
        var ranked = clock.Elapsed - prepared;

        Assert.True(exit == 0, $"dti rank failed ({exit}): {error}{Environment.NewLine}{stdout}");
        var accounts = ReadCsv(Path.Combine(workspace, "dti-out", "accounts.csv"));
        var rejected = ReadCsv(Path.Combine(workspace, "dti-out", "rejected-rows.csv"));
        Assert.Equal(["source", "read", "accepted", "rejected"], accounts[0]);
        Assert.Equal(["source", "location", "reason"], rejected[0]);
        var postgresTable = $"postgres:127.0.0.1:{cluster.Port.ToString(CultureInfo.InvariantCulture)}/{database} chi_tieu";
        var expected = ExpectedRejections(api.BaseUri, postgresTable);

        // Every source: the counts generated, and read = accepted + rejected (the units file first).
        var expectedAccounts = new (string Source, long Read, long Accepted)[]
        {
            ("units.csv", 7, 6), ("csv-long", 11, 5), ("csv-wide", 11, 5), ("csv-records", 10, 5), ("xlsx", 12, 5),
            ("sqlite", 13, 5), ("duckdb", 6, 2), ("postgres", 7, 3), ("http-json", 7, 2),
        };
        Assert.Equal(expectedAccounts.Select(a => a.Source), accounts.Skip(1).Select(a => a[0]));
        foreach (var (source, read, accepted) in expectedAccounts)
        {
            var row = accounts.Single(a => a[0] == source);
            var (r, a, j) = (long.Parse(row[1], CultureInfo.InvariantCulture), long.Parse(row[2], CultureInfo.InvariantCulture), long.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.True(r == a + j, $"{source}: read {r} ≠ accepted {a} + rejected {j}");
            Assert.Equal((source, read, accepted, read - accepted), (source, r, a, j));
            Assert.Equal(j, rejected.Skip(1).Count(x => x[0] == source));
            Assert.Equal(j, expected.Count(x => x.Source == source));
        }

        // The rejects file lists exactly the bad rows, each once, at its exact location and with its reason.
        Assert.Equal(
            expected.Select(e => $"{e.Source} | {e.Location}").Order(StringComparer.Ordinal),
            rejected.Skip(1).Select(x => $"{x[0]} | {x[1]}").Order(StringComparer.Ordinal));
        foreach (var group in expected.GroupBy(e => (e.Source, e.Location)))
        {
            var reasons = rejected.Skip(1).Where(x => x[0] == group.Key.Source && x[1] == group.Key.Location).Select(x => x[2]).ToList();
            foreach (var fragment in group.Select(e => e.Reason))
            {
                Assert.True(reasons.Any(r => r.Contains(fragment, StringComparison.Ordinal)), $"{group.Key.Source} {group.Key.Location}: no reason contains '{fragment}'; reasons: {string.Join(" | ", reasons)}");
            }
        }

        // The totals are the generated ones, and the console's last line says the same.
        var totals = (Read: expectedAccounts.Sum(a => a.Read), Accepted: expectedAccounts.Sum(a => a.Accepted));
        Assert.Equal((84L, 38L, 46), (totals.Read, totals.Accepted, expected.Count));
        Assert.Contains($"Rows read: {totals.Read}, rejected: {expected.Count};", stdout, StringComparison.Ordinal);
        Assert.Equal(2, api.Hits("/api/chi-so"));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL cluster start (initdb + pg_ctl, once per collection): {cluster.StartupTime.TotalSeconds:F1} s; writing the workspace, databases and server: {prepared.TotalSeconds:F1} s; dti rank: {ranked.TotalSeconds:F1} s"));
        output.WriteLine(string.Join(Environment.NewLine, accounts.Select(a => string.Join(", ", a))));
        output.WriteLine(string.Join(Environment.NewLine, expected.GroupBy(e => e.Kind).Select(g => $"{g.Key}: {g.Count()}")));
    }

    /// <summary>Every bad row generated: its source, exact location, a fragment of its reason and its kind.</summary>
    private static List<(string Source, string Location, string Reason, string Kind)> ExpectedRejections(Uri api, string postgres)
    {
        string Page(int page, int item) => $"{api}api/chi-so?nam=2023&page={page.ToString(CultureInfo.InvariantCulture)}&size=4#/data/items/{item.ToString(CultureInfo.InvariantCulture)}";
        const string Sheet = "data/tu-danh-gia.xlsx 'Tổng hợp'!";
        const string Chi = "sqlite:data/csdl.db chi_tieu:id=";
        const string HoSo = "sqlite:data/csdl.db ho_so:ma=";
        const string Kho = "duckdb:data/kho.duckdb chi_tieu:id=";
        return
        [
            ("units.csv", "units.csv:8", "The unit id 'so-yt' is already used at line 4", "duplicate"),

            ("csv-long", "data/long.csv:4", "'abc' is not a number", "bad number"),
            ("csv-long", "data/long.csv:6", "unknown unit 'so-xx'", "unknown unit"),
            ("csv-long", "data/long.csv:7", "duplicate: unit 'so-tc' already has a value of 'l1' for 2023 on line 3; the first was kept", "duplicate"),
            ("csv-long", "data/long.csv:8", "period '2022' is not the period assessed (2023)", "other period"),
            ("csv-long", "data/long.csv:9", "measure 'l9' is not read by the definition", "unknown measure"),
            ("csv-long", "data/long.csv:10", "the row has 3 fields but the header has 4", "missing cell"),

            ("csv-wide", "data/wide.csv:3", "column 'w1': 'x' is not a number", "bad number"),
            ("csv-wide", "data/wide.csv:4", "unknown unit 'so-zz'", "unknown unit"),
            ("csv-wide", "data/wide.csv:5", "period '2022' is not the period assessed (2023)", "other period"),
            ("csv-wide", "data/wide.csv:6", "column 'w1': duplicate: unit 'so-tttt' already has a value of 'w1' for 2023 on line 2", "duplicate"),
            ("csv-wide", "data/wide.csv:6", "column 'w2': duplicate: unit 'so-tttt' already has a value of 'w2' for 2023 on line 2", "duplicate"),
            ("csv-wide", "data/wide.csv:8", "the row has 3 fields but the header has 4", "missing cell"),

            ("csv-records", "data/ho-so.csv:5", "unknown unit 'so-qq'", "unknown unit"),
            ("csv-records", "data/ho-so.csv:6", "period '2021' is not the period assessed (2023)", "other period"),
            ("csv-records", "data/ho-so.csv:8", "column 'online': 'maybe' is not a number", "bad number"),
            ("csv-records", "data/ho-so.csv:9", "the row has 3 fields but the header has 4", "missing cell"),
            ("csv-records", "data/ho-so.csv:11", "duplicate record: the id 'HS3' is already on line 4", "duplicate"),

            ("xlsx", Sheet + "C3", "the cell holds the text '8,5', which uses a decimal comma", "bad number"),
            ("xlsx", Sheet + "C4", "the unit 'so-ww'", "unknown unit"),
            ("xlsx", Sheet + "D4", "the unit 'so-ww'", "unknown unit"),
            ("xlsx", Sheet + "C5", "period 2022 is not the period assessed (2023)", "other period"),
            ("xlsx", Sheet + "D5", "period 2022 is not the period assessed (2023)", "other period"),
            ("xlsx", Sheet + "C6", $"duplicate: unit 'so-tttt' already has a self-assessed value of 'x1' for 2023 at {Sheet}C2", "duplicate"),
            ("xlsx", Sheet + "D6", $"duplicate: unit 'so-tttt' already has a self-assessed value of 'x2' for 2023 at {Sheet}D2", "duplicate"),

            ("sqlite", Chi + "2", "the value 'abc' (column value)", "bad number"),
            ("sqlite", Chi + "3", "unit 'so-xx' is not one of the units assessed", "unknown unit"),
            ("sqlite", Chi + "4", $"the first ({Chi}1) is kept", "duplicate"),
            ("sqlite", Chi + "5", "period 2022 is not the period assessed (2023)", "other period"),
            ("sqlite", Chi + "7", "the unit (column unit) is empty", "missing cell"),
            ("sqlite", Chi + "8", "measure 's9' is not a measure of the definition", "unknown measure"),
            ("sqlite", HoSo + "HS-04", "unit 'so-ghost' is not one of the units assessed", "unknown unit"),
            ("sqlite", HoSo + "HS-05", "field 'on_time' (column dung_han) holds 'x', which is not a number", "bad number"),

            ("duckdb", Kho + "2", "the value NaN (column value) of unit 'so-tc', measure 'd1' is not a finite number", "not finite"),
            ("duckdb", Kho + "3", "unit 'so-zz' is not one of the units assessed", "unknown unit"),
            ("duckdb", Kho + "4", "period 2022 is not the period assessed (2023)", "other period"),
            ("duckdb", Kho + "6", $"the first ({Kho}5) is kept", "duplicate"),

            ("postgres", postgres + ":id=2", "the value 'khoảng 5' (column value)", "bad number"),
            ("postgres", postgres + ":id=3", "unit 'so-ab' is not one of the units assessed", "unknown unit"),
            ("postgres", postgres + ":id=4", $"the first ({postgres}:id=1) is kept", "duplicate"),
            ("postgres", postgres + ":id=5", "period 2021 is not the period assessed (2023)", "other period"),

            ("http-json", Page(1, 1), "the value at $.gia_tri is the text 'abc', not a number", "bad number"),
            ("http-json", Page(1, 2), "the unit 'so-none' ($.ma) is not in the assessment's unit list", "unknown unit"),
            ("http-json", Page(1, 3), $"at {Page(1, 0)}, which was kept", "duplicate"),
            ("http-json", Page(2, 0), "period 2022 is not the period assessed (2023)", "other period"),
            ("http-json", Page(2, 2), "the item has no value at $.gia_tri", "missing cell"),
        ];
    }

    private static void WriteUnits(string workspace)
    {
        var text = new StringBuilder("id,name,name_en,kind,group,parent\n");
        foreach (var unit in Units)
        {
            text.Append(unit).Append(",Đơn vị ").Append(unit).Append(",,agency,,\n");
        }

        text.Append("so-yt,Sở Y tế (ghi trùng),,agency,,\n");
        File.WriteAllText(Path.Combine(workspace, "units.csv"), text.ToString());
    }

    /// <summary>One linear leaf per measure; counts of records on 0..10, everything else on 0..100.</summary>
    private static string Definition()
    {
        (string Id, string Derivation)[] measures =
        [
            ("l1", ""), ("l2", ""), ("w1", ""), ("w2", ""),
            ("rc_n", """, "derivation": { "records": "ho-so-csv", "function": "count" }"""),
            ("rc_online", """, "derivation": { "records": "ho-so-csv", "function": "ratio", "filter": "online = 1" }"""),
            ("x1", ""), ("x2", ""), ("s1", ""),
            ("sd_n", """, "derivation": { "records": "ho-so-sql", "function": "count" }"""),
            ("sd_on_time", """, "derivation": { "records": "ho-so-sql", "function": "ratio", "filter": "on_time = 1" }"""),
            ("d1", ""), ("p1", ""), ("h1", ""), ("h2", ""),
        ];
        var declared = string.Join(",\n    ", measures.Select(m => $$"""{ "id": "{{m.Id}}", "name": "{{m.Id}}", "direction": "higher"{{m.Derivation}} }"""));
        var leaves = string.Join(",\n    ", measures.Select(m =>
            $$"""{ "id": "n_{{m.Id}}", "name": "{{m.Id}}", "maxPoints": 10, "rule": { "type": "linear", "measure": "{{m.Id}}", "lower": 0, "upper": {{(m.Id.EndsWith("_n", StringComparison.Ordinal) ? 10 : m.Id.Contains("online", StringComparison.Ordinal) || m.Id.Contains("on_time", StringComparison.Ordinal) ? 1 : 100)}} } }"""));
        return $$"""
            {
              "id": "doi-soat",
              "version": "1",
              "title": "Kiểm tra đối soát dữ liệu",
              "scale": { "maxPoints": {{measures.Length * 10}}, "decimals": 4 },
              "measures": [
                {{declared}}
              ],
              "nodes": [
                {{leaves}}
              ]
            }
            """;
    }

    private static void WriteCsvFiles(string workspace)
    {
        // csv-long: 11 rows; 5 accepted (an empty value is a missing value, accepted), 6 rejected.
        File.WriteAllText(Path.Combine(workspace, "data", "long.csv"), """
            unit,period,measure,value
            so-tttt,2023,l1,80
            so-tc,2023,l1,70
            so-yt,2023,l1,abc
            so-gd,2023,l1,60
            so-xx,2023,l1,50
            so-tc,2023,l1,75
            so-nv,2022,l1,40
            so-nv,2023,l9,40
            so-nv,2023,l2
            so-xd,2023,l2,
            so-tttt,2023,l2,90

            """);

        // csv-wide: one item per measure cell of a row whose keys are good, one per row rejected whole: 11 items.
        File.WriteAllText(Path.Combine(workspace, "data", "wide.csv"), """
            unit,period,w1,w2
            so-tttt,2023,10,20
            so-tc,2023,x,30
            so-zz,2023,5,5
            so-yt,2022,5,5
            so-tttt,2023,11,21
            so-gd,2023,,40
            so-nv,2023,50

            """);

        // csv-records: 10 records (with an id column, so a repeated id is a duplicate); 5 accepted.
        File.WriteAllText(Path.Combine(workspace, "data", "ho-so.csv"), """
            ma,unit,nam,online
            HS1,so-tttt,2023,1
            HS2,so-tttt,2023,0
            HS3,so-tc,2023,1
            HS4,so-qq,2023,1
            HS5,so-yt,2021,1
            HS6,so-yt,2023,có
            HS7,so-gd,2023,maybe
            HS8,so-nv,2023
            HS9,so-xd,2023,
            HS3,so-tc,2023,0

            """);
    }

    /// <summary>Row per unit: 6 rows of 2 value cells (12 read); an unknown unit's and another period's cells are each rejected.</summary>
    private static void WriteWorkbook(string path)
    {
        var book = new TestWorkbook();
        book.Sheet("Tổng hợp")
            .Row(1, "A", "Mã đơn vị", "Năm", "Chỉ tiêu 1", "Chỉ tiêu 2")
            .Row(2, "A", "so-tttt", "2023", 7.5, 8.0)
            .Row(3, "A", "so-tc", "2023", "8,5", 6.0)
            .Row(4, "A", "so-ww", "2023", 5.0, 5.0)
            .Row(5, "A", "so-yt", "2022", 5.0, 5.0)
            .Row(6, "A", "so-tttt", "2023", 1.0, 1.0)
            .Row(7, "A", "so-gd", "2023", null, 4.0);
        book.Save(path);
    }

    /// <summary>An observation table (8 rows, 2 accepted) and a record set (5 records of 2023, 3 accepted; one of 2022 that the query never reads).</summary>
    private static void WriteSqlite(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            CREATE TABLE chi_tieu (id INTEGER PRIMARY KEY, unit TEXT, measure TEXT, year INTEGER, value REAL);
            INSERT INTO chi_tieu VALUES
              (1, 'so-tttt', 's1', 2023, 55), (2, 'so-tc', 's1', 2023, 'abc'), (3, 'so-xx', 's1', 2023, 10),
              (4, 'so-tttt', 's1', 2023, 60), (5, 'so-yt', 's1', 2022, 10), (6, 'so-gd', 's1', 2023, NULL),
              (7, NULL, 's1', 2023, 3), (8, 'so-nv', 's9', 2023, 1);
            CREATE TABLE ho_so (ma TEXT PRIMARY KEY, unit TEXT, nam INTEGER, dung_han INTEGER);
            INSERT INTO ho_so VALUES
              ('HS-01', 'so-tttt', 2023, 1), ('HS-02', 'so-tttt', 2023, 0), ('HS-03', 'so-tc', 2023, 1),
              ('HS-04', 'so-ghost', 2023, 1), ('HS-05', 'so-yt', 2023, 'x'), ('HS-06', 'so-gd', 2022, 1);
            """);
    }

    /// <summary>6 rows, 2 accepted: a NaN value (not finite), an unknown unit, another period, a duplicate.</summary>
    private static void WriteDuckDb(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, """
            CREATE TABLE chi_tieu (id INTEGER, unit VARCHAR, measure VARCHAR, year INTEGER, value DOUBLE);
            INSERT INTO chi_tieu VALUES
              (1, 'so-tttt', 'd1', 2023, 1.5), (2, 'so-tc', 'd1', 2023, 'NaN'::DOUBLE), (3, 'so-zz', 'd1', 2023, 2),
              (4, 'so-tc', 'd1', 2022, 2), (5, 'so-yt', 'd1', 2023, 3), (6, 'so-yt', 'd1', 2023, 4);
            """);
    }

    /// <summary>7 rows of text values, 3 accepted (NULL and blank text are missing values).</summary>
    private static void WritePostgres(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, """
            CREATE TABLE chi_tieu (id integer PRIMARY KEY, unit text, measure text, year integer, value text);
            INSERT INTO chi_tieu VALUES
              (1, 'so-tttt', 'p1', 2023, '42'), (2, 'so-tc', 'p1', 2023, 'khoảng 5'), (3, 'so-ab', 'p1', 2023, '1'),
              (4, 'so-tttt', 'p1', 2023, '43'), (5, 'so-gd', 'p1', 2021, '7'), (6, 'so-nv', 'p1', 2023, NULL),
              (7, 'so-xd', 'p1', 2023, '');
            """);
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Two pages of long items (4 + 3, so the second is the last): 7 items, 2 accepted.</summary>
    private static string Page(string page) => page switch
    {
        "1" => """
            { "data": { "items": [
              { "ma": "so-tttt", "nam": "2023", "chi_so": "h1", "gia_tri": 12.5 },
              { "ma": "so-tc", "nam": "2023", "chi_so": "h1", "gia_tri": "abc" },
              { "ma": "so-none", "nam": "2023", "chi_so": "h1", "gia_tri": 1 },
              { "ma": "so-tttt", "nam": "2023", "chi_so": "h1", "gia_tri": 13 }
            ] } }
            """,
        "2" => """
            { "data": { "items": [
              { "ma": "so-yt", "nam": "2022", "chi_so": "h2", "gia_tri": 5 },
              { "ma": "so-gd", "nam": "2023", "chi_so": "h2", "gia_tri": null },
              { "ma": "so-nv", "nam": "2023", "chi_so": "h2" }
            ] } }
            """,
        _ => """{ "data": { "items": [] } }""",
    };

    private static string Sources(Uri api, string postgres) => $$"""
        { "sources": [
          { "name": "csv-long", "type": "csv-long", "path": "data/long.csv" },
          { "name": "csv-wide", "type": "csv-wide", "path": "data/wide.csv" },
          { "name": "csv-records", "type": "csv-records", "path": "data/ho-so.csv", "records": "ho-so-csv",
            "mapping": { "id": "ma", "period": "nam" } },
          { "name": "xlsx", "type": "xlsx", "path": "data/tu-danh-gia.xlsx", "layout": "row-per-unit", "sheet": "Tổng hợp",
            "unitColumn": "Mã đơn vị", "periodColumn": "Năm", "measures": { "x1": "Chỉ tiêu 1", "x2": "Chỉ tiêu 2" } },
          { "name": "sqlite", "type": "sqlite", "path": "data/csdl.db",
            "observations": { "table": "chi_tieu", "columns": { "period": "year", "key": "id" } },
            "records": { "ho-so-sql": { "table": "ho_so", "columns": { "unit": "unit", "period": "nam", "key": "ma" }, "fields": { "on_time": "dung_han" } } } },
          { "name": "duckdb", "type": "duckdb", "path": "data/kho.duckdb",
            "observations": { "table": "chi_tieu", "columns": { "period": "year", "key": "id" } } },
          { "name": "postgres", "type": "postgres", "connectionString": {{System.Text.Json.JsonSerializer.Serialize(postgres)}},
            "observations": { "table": "chi_tieu", "columns": { "period": "year", "key": "id" } } },
          { "name": "http-json", "type": "http-json", "url": "{{api}}api/chi-so?nam={period}", "items": "$.data.items[*]",
            "unitPath": "$.ma", "periodPath": "$.nam", "measurePath": "$.chi_so", "valuePath": "$.gia_tri",
            "paging": { "mode": "page", "sizeParameter": "size", "size": 4, "maxPages": 10 } }
        ] }
        """;

    /// <summary>The host's CSV outputs (UTF-8 with BOM, quoted fields), read by the Reporting tests' RFC 4180 reader.</summary>
    private static List<string[]> ReadCsv(string path) => CsvText.Parse(File.ReadAllText(path).TrimStart('\uFEFF'));
}
