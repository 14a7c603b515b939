using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>
/// One small province written into any engine: a long-format table of self-assessed observations (<c>chi_tieu</c>)
/// and a table of dossiers (<c>ho_so</c>, one row per dossier), with every kind of row that must be rejected
/// (another period, a duplicate, an unknown unit, no unit, a measure the index does not use, a value for a measure
/// the source derives itself) and a unit id that looks like SQL injection, which is just an id. Values are exact in
/// binary (halves), so that sums do not depend on the order the engines add them in.
/// </summary>
public static class DossierScenario
{
    public const string Period = "2023";

    /// <summary>A unit id that looks like SQL; it must be read as data.</summary>
    public const string InjectionUnit = "x'); DROP TABLE ho_so; --";

    public static readonly string[] Units = ["so-tttt", "so-tc", "ubnd-ba-ria", InjectionUnit, "so-moi"];

    /// <summary>The dossiers: id, agency, year, online, on_time, days (NULL = not resolved yet), fee.</summary>
    public static IReadOnlyList<object?[]> Dossiers { get; } = BuildDossiers();

    /// <summary>The observations: id, unit, measure, year, value, stage.</summary>
    public static IReadOnlyList<object?[]> Observations { get; } =
    [
        [1, "so-tttt", "portal", 2023, 1.0, "verified"],
        [2, "so-tc", "portal", 2023, 0.0, "self-assessed"],
        [3, "ubnd-ba-ria", "portal", 2023, null, "self-assessed"],
        [4, InjectionUnit, "portal", 2023, 1.0, null],
        [5, "so-tttt", "staff", 2023, 0.75, null],
        [6, "so-tc", "staff", 2023, 0.5, null],
        [7, "ubnd-ba-ria", "staff", 2023, 1.0, null],
        [8, InjectionUnit, "staff", 2023, 0.25, null],
        [9, "so-tttt", "portal", 2022, 0.0, null],
        [10, "so-tc", "portal", 2023, 1.0, null],
        [11, "so-khong-co", "portal", 2023, 1.0, null],
        [12, "so-tttt", "not_in_index", 2023, 5.0, null],
        [13, "so-tc", "online_ratio", 2023, 0.9, null],
        [14, null, "staff", 2023, 0.5, null],
    ];

    /// <summary>How each observation row ends: the reason's first words, or null when accepted.</summary>
    public static IReadOnlyDictionary<int, string?> ObservationOutcomes { get; } = new Dictionary<int, string?>
    {
        [9] = "period 2022 is not the period assessed",
        [10] = "a second value for unit 'so-tc', measure 'portal'",
        [11] = "unit 'so-khong-co' is not one of the units assessed",
        [12] = "measure 'not_in_index' is not a measure of the definition",
        [13] = "measure 'online_ratio' is derived by this source",
        [14] = "the unit (column unit) is empty",
    };

    public static string MeasuresJson => """
        { "id": "portal", "name": "Cổng thông tin điện tử" },
        { "id": "staff", "name": "Tỷ lệ cán bộ được đào tạo" },
        { "id": "online_ratio", "name": "Tỷ lệ hồ sơ trực tuyến", "derivation": { "records": "dossiers", "function": "ratio", "filter": "online = 1" } },
        { "id": "on_time_ratio", "name": "Tỷ lệ hồ sơ đúng hạn", "derivation": { "records": "dossiers", "function": "ratio", "filter": "on_time = 1", "denominatorFilter": "not missing(days)" } },
        { "id": "mean_days", "name": "Số ngày giải quyết trung bình", "direction": "lower", "derivation": { "records": "dossiers", "function": "mean", "field": "days" } },
        { "id": "dossiers", "name": "Số hồ sơ", "derivation": { "records": "dossiers", "function": "count" } },
        { "id": "max_online_days", "name": "Số ngày tối đa (trực tuyến)", "direction": "lower", "derivation": { "records": "dossiers", "function": "max", "field": "days", "filter": "online = 1" } },
        { "id": "min_days", "name": "Số ngày tối thiểu", "direction": "lower", "derivation": { "records": "dossiers", "function": "min", "field": "days" } },
        { "id": "fees", "name": "Tổng phí", "derivation": { "records": "dossiers", "function": "sum", "field": "fee", "filter": "fee > 0 and (online = 1 or days <= 10)" } }
        """;

    public static string DefinitionJson => $$"""
        {
          "id": "sql-test-index",
          "version": "2023",
          "title": "Chỉ số thử nguồn SQL",
          "scale": { "maxPoints": 100, "decimals": 4 },
          "measures": [{{MeasuresJson}}],
          "nodes": [
            { "id": "portal", "name": "Cổng", "maxPoints": 10, "rule": { "type": "boolean", "measure": "portal" } },
            { "id": "staff", "name": "Đào tạo", "maxPoints": 10, "rule": { "type": "ratio", "measure": "staff" } },
            { "id": "online", "name": "Trực tuyến", "maxPoints": 20, "rule": { "type": "ratio", "measure": "online_ratio" } },
            { "id": "on_time", "name": "Đúng hạn", "maxPoints": 20, "rule": { "type": "target", "measure": "on_time_ratio", "target": 0.9 } },
            { "id": "speed", "name": "Tốc độ", "maxPoints": 15, "rule": { "type": "linear", "measure": "mean_days", "lower": 0, "upper": 20, "direction": "lower" } },
            { "id": "volume", "name": "Khối lượng", "maxPoints": 10, "rule": { "type": "relative", "measure": "dossiers" } },
            { "id": "fastest", "name": "Trực tuyến nhanh", "maxPoints": 10, "rule": { "type": "bands", "measure": "max_online_days", "bands": [ { "max": 5, "points": 10 }, { "max": 10, "points": 5 } ] } },
            { "id": "fees", "name": "Phí", "maxPoints": 5, "rule": { "type": "relative", "measure": "fees" } }
          ]
        }
        """;

    /// <summary>The measures of the definition, as a request carries them.</summary>
    public static IReadOnlyList<MeasureDefinition> Measures => Plan.Definition.Measures;

    public static ScoringPlan Plan { get; } = TestUtilities.TestIndex.Compile(DefinitionJson);

    public static SourceReadRequest Request(RejectionMode mode = RejectionMode.Lenient) =>
        new(Measures, Period, [.. Units.Select(Requests.Unit)], mode);

    /// <summary>Creates both tables with portable types and fills them.</summary>
    public static void Create(TestDatabase database)
    {
        database.Execute($"CREATE TABLE chi_tieu (id {database.Integer}, unit {database.Text}, measure {database.Text}, year {database.Integer}, value {database.Double}, stage {database.Text})");
        database.Insert("chi_tieu", Observations);
        database.Execute($"CREATE TABLE ho_so (id {database.Integer}, agency {database.Text}, year {database.Integer}, online {database.Integer}, on_time {database.Integer}, days {database.Double}, fee {database.Double})");
        database.Insert("ho_so", Dossiers);
    }

    /// <summary>The source's settings (JSON members): both tables, rows named by their id column.</summary>
    public static string SourceMembers(bool pushdown = true, bool key = true) => $$"""
        "observations": { "table": "chi_tieu", "columns": { "unit": "unit", "measure": "measure", "period": "year", "value": "value", "stage": "stage"{{(key ? ", \"key\": \"id\"" : "")}} } },
        "records": {
          "dossiers": {
            "table": "ho_so",
            "columns": { "unit": "agency", "period": "year"{{(key ? ", \"key\": \"id\"" : "")}} },
            "fields": { "online": "online", "on_time": "on_time", "days": "days", "fee": "fee" },
            "pushdown": {{(pushdown ? "true" : "false")}}
          }
        }
        """;

    /// <summary>The derived measures computed in memory by Core's aggregator from the rows above: the expected values.</summary>
    public static IReadOnlyList<string> ExpectedDerived()
    {
        string[] fields = ["days", "fee", "on_time", "online"];
        var derived = Measures.Where(m => m.Derivation is not null).ToList();
        var aggregator = new RecordAggregator("dossiers", derived, fields, Units.Length);
        var values = new double[fields.Length];
        foreach (var row in Dossiers.Where(r => (int)r[2]! == 2023))
        {
            var unit = Array.IndexOf(Units, ((string?)row[1])?.Trim());
            if (unit < 0)
            {
                continue;
            }

            values[0] = row[5] is double d ? d : double.NaN;
            values[1] = row[6] is double f ? f : double.NaN;
            values[2] = Convert.ToDouble(row[4], CultureInfo.InvariantCulture);
            values[3] = Convert.ToDouble(row[3], CultureInfo.InvariantCulture);
            aggregator.Add(unit, values);
        }

        var observations = new List<Observation>();
        for (var m = 0; m < aggregator.Measures.Count; m++)
        {
            for (var u = 0; u < Units.Length; u++)
            {
                observations.Add(new Observation(Units[u], aggregator.Measures[m].Id, Period, aggregator.Value(m, u), new Provenance("expected", "memory")));
            }
        }

        return Requests.Show(observations);
    }

    /// <summary>The ids of the 2023 dossiers that must be rejected (no unit, an unknown unit), with the reason's first words.</summary>
    public static IReadOnlyDictionary<int, string> RejectedDossiers { get; } = BuildDossiers()
        .Where(r => (int)r[2]! == 2023 && (r[1] is null || !Units.Contains(((string)r[1]!).Trim())))
        .ToDictionary(r => (int)r[0]!, r => r[1] is null ? "the record has no unit" : $"unit '{r[1]}' is not one of the units assessed");

    private static List<object?[]> BuildDossiers()
    {
        var rows = new List<object?[]>();
        var id = 0;
        void Add(string? agency, int year, int online, int onTime, double? days, double fee) => rows.Add([++id, agency, year, online, onTime, days, fee]);

        // so-tttt: mostly online and on time.
        for (var i = 0; i < 12; i++)
        {
            Add("so-tttt", 2023, i % 4 == 0 ? 0 : 1, i % 6 == 0 ? 0 : 1, i % 5 == 0 ? null : 1.5 + (i * 0.5), i % 3 == 0 ? 0 : 25_000);
        }

        // so-tc: half online, slower; one dossier spelled with spaces around the id (the same unit).
        for (var i = 0; i < 8; i++)
        {
            Add("so-tc", 2023, i % 2, i % 3 == 0 ? 0 : 1, 4 + i, 50_000);
        }

        Add(" so-tc ", 2023, 1, 1, 2.5, 50_000);

        // ubnd-ba-ria: nothing online, every dossier unresolved except two.
        for (var i = 0; i < 5; i++)
        {
            Add("ubnd-ba-ria", 2023, 0, 0, i < 2 ? 12.5 : null, 0);
        }

        Add(InjectionUnit, 2023, 1, 1, 3, 10_000);
        Add(InjectionUnit, 2023, 1, 0, 9.5, 10_000);

        // Rows that are not used: another year (never read), an unknown unit and no unit (read and rejected).
        Add("so-tttt", 2022, 0, 0, 30, 1);
        Add("so-tttt", 2022, 0, 0, 30, 1);
        Add("so-khong-co", 2023, 1, 1, 1, 1);
        Add("so-khong-co", 2023, 1, 1, 2, 1);
        Add(null, 2023, 1, 1, 1, 1);
        Add("so-tc", 2023, 1, 1, 6, 50_000);
        return rows;
    }
}
