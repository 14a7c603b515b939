using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;
using BRVT.Dti.Sources.Http.Tests;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>
/// Issue 3's "must show": the same measures of ten units written as a long CSV file, an xlsx workbook (one row per
/// unit), an SQLite table, a DuckDB table, a PostgreSQL table and JSON pages served by a real Kestrel server on
/// 127.0.0.1, described in one sources.json and read through the catalog of a host with every plugin, give the same
/// observations, balanced accounts and, for one definition, the same points on every node, the same totals and ranks.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SixSourceTests(PostgresCluster cluster)
{
    private const string Period = "2023";

    /// <summary>Unit, m1 (percent), m2 (yes/no), m3 (count for bands), m4 (0–10 for linear). Values not exact in binary on purpose.</summary>
    private static readonly (string Unit, double M1, double M2, double M3, double M4)[] Values =
    [
        ("so-tttt", 91.3, 1, 12, 8.7), ("so-tc", 64.1, 0, 7, 5.3), ("so-yt", 77.7, 1, 3, 9.1), ("so-gd", 58.25, 1, 9, 2.2),
        ("so-nv", 83.9, 0, 15, 6.6), ("ubnd-vung-tau", 99.9, 1, 4, 7.45), ("ubnd-ba-ria", 45.5, 0, 11, 3.3),
        ("ubnd-phu-my", 70.05, 1, 6, 0.1), ("ubnd-long-dat", 33.3, 1, 20, 9.99), ("ubnd-dat-do", 88.8, 0, 1, 4.4),
    ];

    private static readonly string[] MeasureIds = ["m1", "m2", "m3", "m4"];

    private static readonly string[] Names = ["csv-long", "xlsx", "sqlite", "duckdb", "postgres", "http-json"];

    private static string Definition => TestIndex.Minimal(
        string.Join(",", MeasureIds.Select(id => TestIndex.Measure(id))),
        string.Join(",",
            TestIndex.Leaf("n1", 40, """{ "type": "ratio", "measure": "m1", "of": 100 }"""),
            TestIndex.Leaf("n2", 20, """{ "type": "boolean", "measure": "m2" }"""),
            TestIndex.Leaf("n3", 20, """{ "type": "bands", "measure": "m3", "bands": [ { "min": 10, "points": 20 }, { "min": 5, "points": 12 }, { "min": 2, "points": 5 } ] }"""),
            TestIndex.Leaf("n4", 20, """{ "type": "linear", "measure": "m4", "lower": 0, "upper": 10 }""")));

    [Fact]
    public async Task ReadAllAsync_SameMeasuresFromSixSources_IdenticalObservationsPointsTotalsAndRanks()
    {
        using var sqlite = TestDatabase.Sqlite();
        using var duckdb = TestDatabase.DuckDb();
        using var postgres = TestDatabase.Postgres(cluster);
        foreach (var database in new[] { sqlite, duckdb, postgres })
        {
            database.Execute($"CREATE TABLE chi_tieu (unit {database.Text}, measure {database.Text}, year {database.Integer}, value {database.Double})");
            database.Insert("chi_tieu", Values.SelectMany(v => MeasureIds.Zip(new[] { v.M1, v.M2, v.M3, v.M4 }, (m, x) => new object?[] { v.Unit, m, 2023, x })));
        }

        // One workspace (the SQLite one) holds every file: the DuckDB file is copied beside the SQLite file.
        var workspace = sqlite.Workspace;
        File.Copy(Path.Combine(duckdb.Workspace, duckdb.FileName), Path.Combine(workspace, duckdb.FileName));
        File.WriteAllText(
            Path.Combine(workspace, "data", "chi-tieu.csv"),
            "unit,period,measure,value\n" + string.Concat(Values.SelectMany(v => MeasureIds.Zip(new[] { v.M1, v.M2, v.M3, v.M4 }, (m, x) => $"{v.Unit},{Period},{m},{Number(x)}\n"))));
        WriteWorkbook(Path.Combine(workspace, "data", "chi-tieu.xlsx"));
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api/chi-so", (context, _) =>
        {
            var page = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
            var rows = Values.Skip((page - 1) * 4).Take(4);
            return LoopbackApi.Json(context, "{ \"data\": { \"items\": [" + string.Join(", ", rows.Select(Item)) + "] } }");
        });
        const string Observations = """
            "observations": { "table": "chi_tieu", "columns": { "unit": "unit", "measure": "measure", "period": "year", "value": "value" } }
            """;
        var sourcesJson = $$"""
            { "sources": [
              { "name": "csv-long", "type": "csv-long", "path": "data/chi-tieu.csv" },
              { "name": "xlsx", "type": "xlsx", "path": "data/chi-tieu.xlsx", "layout": "row-per-unit", "period": "{{Period}}", "use": "verified",
                "unitColumn": "Mã đơn vị", "measures": { "m1": "Tỷ lệ", "m2": "Có cổng", "m3": "Số dịch vụ", "m4": "Điểm tự đánh giá" } },
              {{sqlite.SourceJson(Observations, "sqlite")}},
              {{duckdb.SourceJson(Observations, "duckdb")}},
              {{postgres.SourceJson(Observations, "postgres")}},
              { "name": "http-json", "type": "http-json", "url": "{{api.BaseUri}}api/chi-so?nam={period}", "items": "$.data.items[*]", "unitPath": "$.ma_don_vi",
                "measures": { "m1": "$.chi_so.ty_le", "m2": "$.chi_so.co_cong", "m3": "$.chi_so.so_dich_vu", "m4": "$.chi_so.diem" },
                "paging": { "mode": "page", "sizeParameter": "size", "size": 4, "maxPages": 10 } }
            ] }
            """;
        File.WriteAllText(Path.Combine(workspace, "sources.json"), sourcesJson);

        var services = new ServiceCollection();
        services.AddDti().AddCsvSources().AddExcelSources().AddSqlSources().AddHttpSources();
        await using var provider = services.BuildServiceProvider();
        var plan = TestIndex.Compile(Definition, provider.GetRequiredService<DtiEngine>());
        var sources = provider.GetRequiredService<DataSourceCatalog>().Load(Path.Combine(workspace, "sources.json"));
        var units = Values.Select(v => Infrastructure.Requests.Unit(v.Unit)).ToArray();
        var request = new SourceReadRequest(plan.Definition.Measures, Period, units, RejectionMode.Strict);

        Assert.Equal(Names.Length, sources.Count);
        var expectedObservations = Values
            .SelectMany(v => MeasureIds.Zip(new[] { v.M1, v.M2, v.M3, v.M4 }, (m, x) => $"{v.Unit}|{m}|{Period}|{x.ToString("R", CultureInfo.InvariantCulture)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        ScoringResultView? first = null;
        for (var i = 0; i < sources.Count; i++)
        {
            var data = await DataSourceReader.ReadAllAsync([sources[i]], request);
            var account = Assert.Single(data.Accounts);
            Assert.Equal(Names[i], account.Source);
            Assert.True(account.Balances, $"{Names[i]}: the account does not balance.");
            Assert.Empty(account.Rejected);
            Assert.Equal(40L, account.RowsAccepted);
            Assert.All(data.Observations, o => Assert.Equal(Names[i], o.Provenance.Source));
            Assert.All(data.Observations, o => Assert.False(string.IsNullOrEmpty(o.Provenance.Location), $"{Names[i]}: an observation without a location."));
            Assert.Equal(
                expectedObservations,
                data.Observations.Select(o => $"{o.UnitId}|{o.MeasureId}|{o.Period}|{o.Value.ToString("R", CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));

            var result = plan.Assess(units, data.Observations, Period);
            Assert.Empty(result.Issues);
            var view = new ScoringResultView(
                [.. result.Units.OrderBy(u => u.Unit.Id, StringComparer.Ordinal)
                    .Select(u => $"{u.Unit.Id} rank {u.Rank} total {u.Total.Points.ToString("R", CultureInfo.InvariantCulture)} nodes "
                        + string.Join(' ', u.Nodes.Select(n => n.Points.ToString("R", CultureInfo.InvariantCulture))))]);
            first ??= view;
            Assert.Equal(first.Lines, view.Lines);
        }

        // so-tttt: 40 × 0.913 + 20 (portal) + 20 (12 services, top band) + 20 × 0.87 = 93.92, first; the ranks are 1..10 without ties.
        var tttt = first!.Lines.Single(l => l.StartsWith("so-tttt ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(("1", 93.92), (tttt[2], Math.Round(double.Parse(tttt[4], CultureInfo.InvariantCulture), 9)));
        Assert.Equal(Enumerable.Range(1, 10), first.Lines.Select(l => int.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture)).Order());
        Assert.Equal(3, api.Hits("/api/chi-so"));
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Item((string Unit, double M1, double M2, double M3, double M4) row) =>
        $$"""{ "ma_don_vi": "{{row.Unit}}", "chi_so": { "ty_le": {{Number(row.M1)}}, "co_cong": {{Number(row.M2)}}, "so_dich_vu": {{Number(row.M3)}}, "diem": {{Number(row.M4)}} } }""";

    private static void WriteWorkbook(string path)
    {
        var book = new TestWorkbook();
        var sheet = book.Sheet("KQ").Row(1, "A", "Mã đơn vị", "Tỷ lệ", "Có cổng", "Số dịch vụ", "Điểm tự đánh giá");
        var row = 2;
        foreach (var (unit, m1, m2, m3, m4) in Values)
        {
            sheet.Row(row++, "A", unit, m1, m2, m3, m4);
        }

        book.Save(path);
    }

    /// <summary>Each unit's rank, total and node points as round-trip text, in unit order.</summary>
    private sealed record ScoringResultView(IReadOnlyList<string> Lines);
}
