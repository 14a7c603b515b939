using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Sql.Tests.Translation;

/// <summary>
/// For random records (units assessed or not, spelled with spaces, as integers, missing; values missing, numbers,
/// numeric text, other text) and random derivations with random filters, aggregating in SQLite gives exactly what
/// reading row by row gives, and both give what Core's <see cref="RecordAggregator"/> computes in memory from the
/// same rows; the accounts are the same too.
/// </summary>
public sealed class PushdownPropertyTests
{
    private static readonly string[] Assessed = ["u0", "u1", "u2", "7"];
    private static readonly object?[] UnitSpellings = ["u0", "u1", " u1 ", "u2", "7", 7L, "zz", null, ""];
    private static readonly double[] Numbers = [-1, 0, 0.5, 1, 2, 2.5, 3];
    private static readonly string[] Functions = ["count", "sum", "mean", "min", "max", "ratio"];
    private static readonly string[] Fields = ["x", "y", "z"];

    [Property(MaxTest = 60)]
    public void ReadAsync_RandomRecordsAndFilters_PushdownEqualsStreamingEqualsAggregator(int seed)
    {
        var random = new Random(seed);
        var formulas = new FormulaTextGenerator(seed);
        var withText = random.Next(6) == 0;
        var rows = Enumerable.Range(1, random.Next(0, 60)).Select(id => new object?[]
        {
            id,
            UnitSpellings[random.Next(UnitSpellings.Length)],
            random.Next(5) == 0 ? 2022L : 2023L,
            Value(random, withText),
            Value(random, withText),
            Value(random, withText),
        }).ToList();
        var measures = Enumerable.Range(0, random.Next(1, 6)).Select(m =>
        {
            var function = Functions[random.Next(Functions.Length)];
            var filter = random.Next(3) == 0 ? null : random.Next(15) == 0 ? $"round(x) = 1 or ({formulas.Next()})" : formulas.Next();
            var denominator = function == "ratio" && random.Next(2) == 0 ? formulas.Next() : null;
            return Requests.Derived($"m{m}", function, function is "count" or "ratio" ? null : Fields[random.Next(3)], filter, denominator, records: "r");
        }).ToList();

        using var database = TestDatabase.Sqlite();
        database.Execute("CREATE TABLE r (id INTEGER PRIMARY KEY, unit, year, x, y, z)");
        database.Insert("r", rows);
        var request = Requests.Request(measures, Assessed);
        string Settings(bool pushdown) => $$"""
            "records": { "r": { "table": "r", "columns": { "unit": "unit", "period": "year" }, "fields": { "x": "x", "y": "y", "z": "z" }, "pushdown": {{(pushdown ? "true" : "false")}} } }
            """;
        var log = new LogCapture();
        var pushed = Requests.ReadAsync(database.CreateSource(Settings(true), log: log), request).GetAwaiter().GetResult();
        var streamed = Requests.ReadAsync(database.CreateSource(Settings(false)), request).GetAwaiter().GetResult();

        Assert.Equal(Requests.Show(streamed.Observations), Requests.Show(pushed.Observations));
        Reading.ScenarioChecks.AssertSameAccount(streamed.Account, pushed.Account);
        var (expected, read, rejected) = Expected(rows, measures);
        Assert.Equal(expected, Requests.Show(pushed.Observations));
        Assert.Equal(read, pushed.Account.RowsRead);
        Assert.Equal(rejected, pushed.Account.Rejected.Select(r => r.Location[(r.Location.LastIndexOf('=') + 1)..]).Order(StringComparer.Ordinal));

        // Unless a filter uses round() or a record of the period holds text in a field read, the database did the work.
        var required = new RecordAggregator("r", measures, Fields, 0).RequiredFields.Select(f => Array.IndexOf(Fields, f)).ToList();
        var pushable = !measures.Any(m => m.Derivation!.Filter?.Contains("round", StringComparison.Ordinal) == true)
            && !rows.Any(r => (long)r[2]! == 2023 && required.Any(f => r[3 + f] is string));
        Assert.Equal(pushable, log.Messages(1).Any());
        Assert.Equal(!pushable, log.Messages(3).Any());
    }

    private static object? Value(Random random, bool withText) => random.Next(10) switch
    {
        0 => null,
        1 when withText => random.Next(2) == 0 ? "abc" : " 1.5 ",
        _ => Numbers[random.Next(Numbers.Length)],
    };

    /// <summary>What Core's aggregator computes from the rows, the rows read, and the ids of the rows rejected.</summary>
    private static (IReadOnlyList<string> Observations, long Read, IReadOnlyList<string> Rejected) Expected(List<object?[]> rows, List<MeasureDefinition> measures)
    {
        var aggregator = new RecordAggregator("r", measures, Fields, Assessed.Length);
        var required = aggregator.RequiredFields.Select(f => Array.IndexOf(Fields, f)).ToList();
        var rejected = new List<string>();
        long read = 0;
        var values = new double[Fields.Length];
        foreach (var row in rows.Where(r => (long)r[2]! == 2023))
        {
            read++;
            var unit = Array.IndexOf(Assessed, Convert.ToString(row[1], CultureInfo.InvariantCulture)?.Trim());
            var good = unit >= 0;
            for (var f = 0; f < Fields.Length && good; f++)
            {
                values[f] = row[3 + f] switch
                {
                    null => double.NaN,
                    double d => d,
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => required.Contains(f) ? double.PositiveInfinity : double.NaN,
                };
                good = !double.IsInfinity(values[f]);
            }

            if (good)
            {
                aggregator.Add(unit, values);
            }
            else
            {
                rejected.Add(Convert.ToString(row[0], CultureInfo.InvariantCulture)!);
            }
        }

        var observations = new List<Observation>();
        for (var m = 0; m < aggregator.Measures.Count; m++)
        {
            for (var u = 0; u < Assessed.Length; u++)
            {
                observations.Add(new Observation(Assessed[u], aggregator.Measures[m].Id, "2023", aggregator.Value(m, u), new Provenance("memory", "memory")));
            }
        }

        return (Requests.Show(observations), read, [.. rejected.Order(StringComparer.Ordinal)]);
    }
}
