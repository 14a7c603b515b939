using System.Data.Common;
using System.Globalization;
using System.Numerics;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Fuzz.Tests.Support.Sql;

/// <summary>A row the oracle expects to be rejected: where, why (a phrase the reason must hold) and whether strict mode stops at it.</summary>
internal sealed record ExpectedRejection(string Location, bool Error, params string[] Phrases);

/// <summary>An observation the oracle expects: its value and stage, and where its provenance points (or the records it was computed from).</summary>
internal sealed record ExpectedObservation(double Value, string? Stage, string Location, double Scale, string Function);

/// <summary>What a lenient read of a case must give, as the oracle computes it.</summary>
internal sealed class SqlExpectation
{
    public long Read { get; set; }

    public long Accepted { get; set; }

    public List<ExpectedRejection> Rejected { get; } = [];

    public Dictionary<(string Unit, string Measure), ExpectedObservation> Observations { get; } = [];

    /// <summary>Accepted records per unit.</summary>
    public Dictionary<string, long> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows are numbered in query order (views, tables without row identifier): locations are checked for their form only.</summary>
    public bool ObservationsNumbered { get; set; }

    public bool RecordsNumbered { get; set; }

    public bool HasErrors => Rejected.Any(r => r.Error);
}

/// <summary>
/// Computes, independently of the plugin, what a read of a case must give: it reads back the rows as the database
/// stores them (its own plain queries, in the order the plugin documents: key, else row identifier, else the
/// documented column order) and applies the documented rules in C#: ids and periods as trimmed text with whole
/// numbers written without decimals; values that are numbers, booleans or invariant number text, NULL or blank as
/// missing; the checks in the documented order; the first of duplicates kept; record sets selected by period
/// (text equal to the period, or a whole number equal to it), their aggregates computed here with the formula
/// evaluator for filters.
/// </summary>
internal static class SqlOracle
{
    public static SqlExpectation Expect(SqlFuzzCase fuzz, string path)
    {
        var expectation = new SqlExpectation();
        var units = SqlFuzzCase.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var derived = fuzz.Measures.Where(m => m.Derivation is not null).ToList();
        var plain = fuzz.Measures.Where(m => m.Derivation is null).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        using var connection = SqlFuzzDatabase.Open(fuzz.Engine, fuzz.Engine == SqlEngine.Postgres ? fuzz.ConnectionString! : path);

        var seen = new Dictionary<(string, string), string>();
        var tables = new List<(string Source, bool View)> { (fuzz.ObservationSource, fuzz.ObservationsThroughView) };
        if (fuzz.ObservationsTwice)
        {
            tables.Add((fuzz.ObservationView, true));
        }

        foreach (var (source, view) in tables)
        {
            var numbered = !fuzz.KeyedObservations && (view || fuzz.Observations.WithoutRowidKey is not null);
            expectation.ObservationsNumbered |= numbered;
            var id = fuzz.KeyedObservations ? SqlFuzzCase.Key : fuzz.RowIdentifier;
            var (idSelect, idOrder) = Identity(fuzz, fuzz.KeyedObservations, SqlFuzzCase.Key);
            var columns = new[] { SqlFuzzCase.Unit, SqlFuzzCase.Measure, SqlFuzzCase.PeriodColumn, SqlFuzzCase.Value, SqlFuzzCase.Stage }.Select(SqlFuzzDatabase.Quote).ToArray();
            var sql = numbered
                ? $"SELECT {string.Join(", ", columns)} FROM {SqlFuzzDatabase.Quote(source)} ORDER BY {string.Join(", ", columns.Take(4))}"
                : $"SELECT {idSelect}, {string.Join(", ", columns)} FROM {SqlFuzzDatabase.Quote(source)} ORDER BY {idOrder}";
            long number = 0;
            foreach (var row in Rows(connection, sql))
            {
                number++;
                var values = numbered ? row : row[1..];
                var location = numbered
                    ? string.Create(CultureInfo.InvariantCulture, $"{fuzz.Label} {source} query row {number}")
                    : $"{fuzz.Label} {source}:{id}={(row[0] is null ? "NULL" : Text(row[0]!))}";
                expectation.Read++;
                ObservationRow(expectation, fuzz, values, location, units, plain, derived, seen);
            }
        }

        if (derived.Count > 0)
        {
            Records(expectation, fuzz, connection, units, derived);
        }

        return expectation;
    }

    private static void ObservationRow(SqlExpectation expectation, SqlFuzzCase fuzz, object?[] values, string location, HashSet<string> units, HashSet<string> plain, List<MeasureDefinition> derived, Dictionary<(string, string), string> seen)
    {
        var unit = values[0] is null ? string.Empty : Text(values[0]!);
        var measure = values[1] is null ? string.Empty : Text(values[1]!);
        var period = values[2] is null ? string.Empty : Text(values[2]!);
        void Reject(string phrase, bool error = true) => expectation.Rejected.Add(new ExpectedRejection(location, error, phrase));
        if (unit.Length == 0 || measure.Length == 0 || period.Length == 0)
        {
            Reject("is empty");
            return;
        }

        if (period != SqlFuzzCase.Period)
        {
            Reject("is not the period assessed", error: false);
            return;
        }

        var isDerived = derived.Any(m => m.Id == measure);
        if (!plain.Contains(measure) && !isDerived)
        {
            Reject("is not a measure of the definition", error: false);
            return;
        }

        if (isDerived)
        {
            Reject("is derived by this source");
            return;
        }

        if (!units.Contains(unit))
        {
            Reject("is not one of the units assessed");
            return;
        }

        var raw = values[3];
        double value;
        if (raw is null || (raw is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            value = double.NaN;
        }
        else if (!Number(raw, out value))
        {
            Reject("is not a number");
            return;
        }
        else if (!double.IsFinite(value))
        {
            Reject("is not a finite number");
            return;
        }

        if (seen.ContainsKey((unit, measure)))
        {
            Reject("a second value");
            return;
        }

        seen[(unit, measure)] = location;
        var stage = !fuzz.WithStage || values[4] is null ? null : Text(values[4]!);
        expectation.Accepted++;
        expectation.Observations[(unit, measure)] = new ExpectedObservation(value, string.IsNullOrEmpty(stage) ? null : stage, location, 0, "value");
    }

    private static void Records(SqlExpectation expectation, SqlFuzzCase fuzz, DbConnection connection, HashSet<string> units, List<MeasureDefinition> derived)
    {
        var filters = derived.Select(m => (Filter: RecordOracle.Parse(m.Derivation!.Filter), Denominator: m.Derivation!.Function == "ratio" ? RecordOracle.Parse(m.Derivation.DenominatorFilter) : null)).ToList();
        var read = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < derived.Count; i++)
        {
            if (derived[i].Derivation!.Field is { } field && derived[i].Derivation!.Function is not ("count" or "ratio"))
            {
                read.Add(field);
            }

            foreach (var variable in (filters[i].Filter?.Variables ?? []).Concat(filters[i].Denominator?.Variables ?? []))
            {
                read.Add(variable);
            }
        }

        var fields = read.ToArray();
        var columns = fields.Select(f => SqlFuzzCase.Fields.Single(x => x.Field == f).Column).ToArray();
        var numbered = !fuzz.KeyedRecords && (fuzz.RecordsThroughView || fuzz.Records.WithoutRowidKey is not null);
        expectation.RecordsNumbered = numbered;
        var id = fuzz.KeyedRecords ? SqlFuzzCase.RecordKey : fuzz.RowIdentifier;
        var (idSelect, idOrder) = Identity(fuzz, fuzz.KeyedRecords, SqlFuzzCase.RecordKey);
        var selected = new[] { SqlFuzzCase.RecordUnit, SqlFuzzCase.PeriodColumn }.Concat(columns).Select(SqlFuzzDatabase.Quote).ToArray();
        var order = numbered ? string.Join(", ", new[] { SqlFuzzCase.RecordUnit }.Concat(columns).Select(SqlFuzzDatabase.Quote)) : idOrder;
        var sql = $"SELECT {(numbered ? string.Empty : idSelect + ", ")}{string.Join(", ", selected)} FROM {SqlFuzzDatabase.Quote(fuzz.RecordSource)} ORDER BY {order}";
        var accepted = SqlFuzzCase.Units.ToDictionary(u => u.Id, _ => new List<double[]>(), StringComparer.Ordinal);
        long number = 0;
        foreach (var row in Rows(connection, sql))
        {
            var values = numbered ? row : row[1..];
            if (!Selected(values[1]))
            {
                continue;
            }

            number++;
            expectation.Read++;
            var location = numbered
                ? string.Create(CultureInfo.InvariantCulture, $"{fuzz.Label} {fuzz.RecordSource} query row {number}")
                : $"{fuzz.Label} {fuzz.RecordSource}:{id}={(row[0] is null ? "NULL" : Text(row[0]!))}";
            var unit = values[0] is null ? string.Empty : Text(values[0]!);
            if (unit.Length == 0)
            {
                expectation.Rejected.Add(new ExpectedRejection(location, true, "the record has no unit"));
                continue;
            }

            if (!units.Contains(unit))
            {
                expectation.Rejected.Add(new ExpectedRejection(location, true, "is not one of the units assessed"));
                continue;
            }

            var numbers = new double[fields.Length];
            string? problem = null;
            var finite = false;
            for (var f = 0; f < fields.Length && problem is null; f++)
            {
                var raw = values[2 + f];
                if (raw is null || (raw is string blank && string.IsNullOrWhiteSpace(blank)))
                {
                    numbers[f] = double.NaN;
                }
                else if (!Number(raw, out numbers[f]))
                {
                    problem = $"field '{fields[f]}' (column {columns[f]}) holds ";
                }
                else if (!double.IsFinite(numbers[f]))
                {
                    finite = true;
                    problem = $"field '{fields[f]}' (column {columns[f]}) holds ";
                }
            }

            if (problem is not null)
            {
                expectation.Rejected.Add(new ExpectedRejection(location, true, problem, finite ? ", which is not a finite number" : ", which is not a number"));
                continue;
            }

            expectation.Accepted++;
            accepted[unit].Add(numbers);
        }

        foreach (var unit in SqlFuzzCase.Units)
        {
            var records = accepted[unit.Id];
            expectation.Records[unit.Id] = records.Count;
            for (var m = 0; m < derived.Count; m++)
            {
                var (value, scale) = RecordOracle.Aggregate(derived[m].Derivation!, filters[m].Filter, filters[m].Denominator, fields, records);
                expectation.Observations[(unit.Id, derived[m].Id)] = new ExpectedObservation(value, null,
                    string.Create(CultureInfo.InvariantCulture, $"{fuzz.Label} {fuzz.RecordSource} ({records.Count} records of period {SqlFuzzCase.Period} of unit '{unit.Id}', "),
                    scale, derived[m].Derivation!.Function);
            }
        }
    }

    /// <summary>Whether the record's period is the period assessed: text equal to it, or a whole number equal to it.</summary>
    private static bool Selected(object? period) => period switch
    {
        string text => text == SqlFuzzCase.Period,
        null => false,
        byte[] or bool or DateTime or DateOnly => false,
        _ => Number(period, out var number) && number == 2023,
    };

    /// <summary>
    /// How the oracle selects and orders by a row's identity: the key column, else the engine's row identifier, in the
    /// order rows are stored (PostgreSQL's <c>ctid</c> as a tuple id, shown as text; the text is aliased, since
    /// <c>ORDER BY ctid</c> would otherwise order by the output column of that name, the text).
    /// </summary>
    private static (string Select, string Order) Identity(SqlFuzzCase fuzz, bool keyed, string key) =>
        keyed ? (SqlFuzzDatabase.Quote(key), SqlFuzzDatabase.Quote(key))
        : fuzz.Engine == SqlEngine.Postgres ? ("CAST(ctid AS text) AS ctid_text", "ctid")
        : ("rowid", "rowid");

    /// <summary>Every row of a query, NULL as <see langword="null"/>.</summary>
    private static List<object?[]> Rows(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Value(reader, i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A value as its provider gives it; a whole number beyond the range of decimal (PostgreSQL numeric) as a big integer.</summary>
    private static object Value(DbDataReader reader, int i)
    {
        try
        {
            return reader.GetValue(i);
        }
        catch (Exception exception) when (exception is OverflowException or InvalidCastException)
        {
            return reader.GetFieldValue<BigInteger>(i);
        }
    }

    /// <summary>An id or period as text, as the plugin documents: text trimmed, whole numbers without decimals.</summary>
    public static string Text(object value) => value switch
    {
        string text => text.Trim(),
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f) is var d && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : f.ToString(CultureInfo.InvariantCulture),
        decimal m when decimal.Truncate(m) == m => decimal.Truncate(m).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>A number as the plugin documents: any numeric type, a boolean, or invariant number text.</summary>
    public static bool Number(object value, out double number)
    {
        switch (value)
        {
            case string text:
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            case bool flag:
                number = flag ? 1 : 0;
                return true;
            case BigInteger big:
                number = double.Parse(big.ToString(CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return true;
            case decimal m:
                number = (double)m;
                return true;
            case byte[] or DateTime or DateOnly or TimeSpan or Guid:
                number = double.NaN;
                return false;
            case IConvertible convertible:
                number = convertible.ToDouble(CultureInfo.InvariantCulture);
                return true;
            default:
                number = double.NaN;
                return false;
        }
    }
}
