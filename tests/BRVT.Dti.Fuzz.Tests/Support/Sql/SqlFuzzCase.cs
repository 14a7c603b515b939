using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Fuzz.Tests.Support.Sql;

/// <summary>The embedded engines whose databases the SQL data fuzz writes.</summary>
internal enum SqlEngine
{
    Sqlite,
    DuckDb,
    Postgres,
}

/// <summary>What a case breaks on purpose besides its data (the source must then fail with a <see cref="BRVT.Dti.Data.DataSourceException"/>).</summary>
internal enum SqlFault
{
    None,
    MissingObservationTable,
    MissingObservationColumn,
    MissingRecordTable,
    MissingRecordColumn,
    CorruptFile,
}

/// <summary>A table of a generated database: its columns, their declared types and its rows (values as inserted).</summary>
internal sealed record FuzzTable(string Name, string[] Columns, string[] Types, List<object?[]> Rows)
{
    /// <summary>SQLite only: the table is <c>WITHOUT ROWID</c> with this primary key column (so rows have no row identifier).</summary>
    public string? WithoutRowidKey { get; init; }

    public int Column(string name) => Array.IndexOf(Columns, name);
}

/// <summary>
/// One generated SQL case: an observation table and a record table of hostile rows (text in numeric columns, NULLs,
/// NaN and infinities, huge and tiny numbers, long strings, unit ids with odd spaces, case and Unicode, duplicate rows,
/// other periods, mixed types), the source's settings (keys or row identifiers, views, pushdown on or off) and the
/// measures asked for (plain values and derivations with hostile filters). A case is its seed.
/// </summary>
internal sealed class SqlFuzzCase
{
    public const string Period = "2023";
    public const string Unit = "ma_don_vi";
    public const string Measure = "chi_tieu";
    public const string PeriodColumn = "nam";
    public const string Value = "giá_trị";
    public const string Stage = "giai_doan";
    public const string Key = "id";
    public const string RecordUnit = "co_quan";
    public const string RecordKey = "ma_ho_so";

    /// <summary>The record fields: field name (formulas) → column.</summary>
    public static readonly (string Field, string Column)[] Fields = [("le_phi", "lệ_phí"), ("so_ngay", "so_ngay"), ("truc_tuyen", "truc_tuyen")];

    public static readonly UnitInfo[] Units =
    [
        Fixtures.Unit("747", "Thành phố Vũng Tàu"),
        Fixtures.Unit("748", "Thành phố Bà Rịa"),
        Fixtures.Unit("Ấp Phước Lập", "Ấp Phước Lập", "hamlet"),
        Fixtures.Unit("so-tc", "Sở Tài chính", "agency"),
    ];

    /// <summary>Filters over the record fields, some of them hostile (overflow, division by zero, NaN bounds, no SQL translation).</summary>
    private static readonly string[] Filters =
    [
        "truc_tuyen = 1", "truc_tuyen = 1 and so_ngay <= 15", "not missing(so_ngay)", "missing(le_phi)", "so_ngay * le_phi > 1",
        "le_phi * 1e300 > 0", "so_ngay / le_phi >= 2", "sqrt(so_ngay) > 2", "min(so_ngay, le_phi) < 5", "max(so_ngay, 0) = 0",
        "if(truc_tuyen, so_ngay, le_phi) > 3", "coalesce(le_phi, 0) = 0", "truc_tuyen or le_phi", "-so_ngay < -1e-300",
        "abs(le_phi) > 1e308", "floor(so_ngay) = ceil(so_ngay)", "round(so_ngay) = 3", "clamp(so_ngay, 1, 10) = 10",
        "clamp(so_ngay, 10, 1) = 10", "so_ngay + le_phi > 1.7976931348623157e308", "so_ngay - so_ngay = 0", "le_phi != le_phi",
        "9007199254740993 = so_ngay", "so_ngay > 0.5 or not truc_tuyen", "le_phi - le_phi * 2 < -1e308", "truc_tuyen >= 1 and truc_tuyen <= 1",
        "so_ngay < 1e308", "le_phi / 1e-300 > 1", "so_ngay * so_ngay * so_ngay * so_ngay > 1e300 or le_phi < 0",
    ];

    private SqlFuzzCase()
    {
    }

    public required int Seed { get; init; }

    public required SqlEngine Engine { get; init; }

    public required FuzzTable Observations { get; init; }

    public required FuzzTable Records { get; init; }

    /// <summary>The observation table is read through a view (no row identifier: rows numbered in query order).</summary>
    public required bool ObservationsThroughView { get; init; }

    /// <summary>The view of the observation table is read as a second observation table (every row again: duplicates).</summary>
    public required bool ObservationsTwice { get; init; }

    public required bool RecordsThroughView { get; init; }

    public required bool KeyedObservations { get; init; }

    public required bool KeyedRecords { get; init; }

    public required bool WithStage { get; init; }

    public required bool Pushdown { get; init; }

    public required SqlFault Fault { get; init; }

    public required MeasureDefinition[] Measures { get; init; }

    /// <summary>Ends the names of the case's tables and views, so that many cases share one database file (DuckDB).</summary>
    public required string Suffix { get; init; }

    public string ObservationTable => "chỉ_tiêu" + Suffix;

    public string ObservationView => "v_chi_tieu" + Suffix;

    public string RecordTable => "ho_so" + Suffix;

    public string RecordView => "v_ho_so" + Suffix;

    public string FileName => Engine == SqlEngine.Sqlite ? "fuzz.db" : "fuzz.duckdb";

    /// <summary>PostgreSQL: the connection string of the case's database (set once the database exists).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How locations name the database: <c>sqlite:fuzz.db</c>, <c>duckdb:fuzz.duckdb</c>, <c>postgres:127.0.0.1:port/database</c>.</summary>
    public string Label => Engine switch
    {
        SqlEngine.Sqlite => "sqlite:" + FileName,
        SqlEngine.DuckDb => "duckdb:" + FileName,
        _ => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"postgres:{b.Host}:{b.Port}/{b.Database}" : string.Empty,
    };

    /// <summary>The name locations give the engine's row identifier.</summary>
    public string RowIdentifier => Engine == SqlEngine.Postgres ? "ctid" : "rowid";

    /// <summary>Whether the request derives a measure from the record set (else the records are not read at all).</summary>
    public bool ReadsRecords => Measures.Any(m => m.Derivation is not null);

    public string ObservationSource => ObservationsThroughView ? ObservationView : ObservationTable;

    public string RecordSource => RecordsThroughView ? RecordView : RecordTable;

    /// <summary>The source's settings, as sources.json holds them.</summary>
    public string SettingsJson()
    {
        var value = Fault == SqlFault.MissingObservationColumn ? "giá_trị_cũ" : Value;
        var observationTable = Fault == SqlFault.MissingObservationTable ? "chỉ_tiêu_2022" + Suffix : ObservationSource;
        var columns = new Dictionary<string, string> { ["unit"] = Unit, ["measure"] = Measure, ["period"] = PeriodColumn, ["value"] = value };
        if (WithStage)
        {
            columns["stage"] = Stage;
        }

        if (KeyedObservations)
        {
            columns["key"] = Key;
        }

        var observations = new List<object> { new { table = observationTable, columns } };
        if (ObservationsTwice)
        {
            observations.Add(new { table = ObservationView, columns });
        }

        var recordColumns = new Dictionary<string, string> { ["unit"] = Fault == SqlFault.MissingRecordColumn ? "ma_co_quan" : RecordUnit, ["period"] = PeriodColumn };
        if (KeyedRecords)
        {
            recordColumns["key"] = RecordKey;
        }

        var fields = Fields.ToDictionary(f => f.Field, f => f.Column);
        var records = new Dictionary<string, object>
        {
            ["dossiers"] = new { table = Fault == SqlFault.MissingRecordTable ? "ho_so_cu" + Suffix : RecordSource, columns = recordColumns, fields, pushdown = Pushdown },
        };
        var members = observations.Count == 1 ? observations[0] : (object)observations;
        return Engine == SqlEngine.Postgres
            ? JsonSerializer.Serialize(new { name = "s", type = "postgres", connectionString = ConnectionString, observations = members, records })
            : JsonSerializer.Serialize(new { name = "s", type = Engine == SqlEngine.Sqlite ? "sqlite" : "duckdb", path = FileName, observations = members, records });
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed} ({Engine}, {Observations.Rows.Count} observation rows, {Records.Rows.Count} records, fault {Fault}, view {ObservationsThroughView}/{RecordsThroughView}, keys {KeyedObservations}/{KeyedRecords}, pushdown {Pushdown}, measures {string.Join(" ", Measures.Select(Show))}, types {string.Join(",", Observations.Types)} / {string.Join(",", Records.Types)})");

    private static string Show(MeasureDefinition m) => m.Derivation is { } d ? $"{m.Id}={d.Function}({d.Field}|{d.Filter}|{d.DenominatorFilter})" : m.Id;

    public static SqlFuzzCase Generate(int seed, SqlEngine engine, string suffix = "")
    {
        var random = new Random(seed);
        var values = new SqlValuePool(engine, random);
        var measures = new List<MeasureDefinition> { Fixtures.Measure("a"), Fixtures.Measure("b") };
        var derivedCount = random.Next(5) == 0 ? 0 : random.Next(1, 5);
        for (var i = 0; i < derivedCount; i++)
        {
            measures.Add(Derived(random, $"d{i}"));
        }

        var fault = random.Next(25) switch
        {
            0 => (SqlFault)random.Next(1, 5),
            1 when engine == SqlEngine.Sqlite => SqlFault.CorruptFile,
            _ => SqlFault.None,
        };
        var withoutRowid = engine == SqlEngine.Sqlite && random.Next(12) == 0;
        var observationTypes = new[] { Key, Unit, Measure, PeriodColumn, Value, Stage }.Select(c => values.ColumnType(c)).ToArray();
        var observations = new FuzzTable("chỉ_tiêu" + suffix, [Key, Unit, Measure, PeriodColumn, Value, Stage], observationTypes, [])
        {
            WithoutRowidKey = withoutRowid ? Key : null,
        };
        var rows = random.Next(8) == 0 ? 0 : random.Next(1, 30);
        var keys = new UniqueKeys(engine, observationTypes[0], random);
        for (var r = 0; r < rows; r++)
        {
            object?[] row = random.Next(6) == 0 && observations.Rows.Count > 0
                ? Repeat(observations.Rows[random.Next(observations.Rows.Count)], random, values, observationTypes)
                : random.Next(5) < 2
                    ? [null, values.AssessedUnit(observationTypes[1]), random.Next(2) == 0 ? "a" : "b", values.ThePeriod(observationTypes[3]), values.PlainNumber(observationTypes[4], "so_ngay"), values.Stage(observationTypes[5])]
                    : [null, values.Unit(observationTypes[1]), values.Measure(observationTypes[2], derivedCount), values.Period(observationTypes[3]), values.Number(observationTypes[4]), values.Stage(observationTypes[5])];
            row[0] = keys.Next();
            observations.Rows.Add(row);
        }

        var recordColumns = new[] { RecordKey, RecordUnit, PeriodColumn }.Concat(Fields.Select(f => f.Column)).ToArray();
        var recordTypes = recordColumns.Select(c => values.ColumnType(c == RecordKey ? Key : c == RecordUnit ? Unit : c)).ToArray();
        var records = new FuzzTable("ho_so" + suffix, recordColumns, recordTypes, [])
        {
            WithoutRowidKey = withoutRowid ? RecordKey : null,
        };
        var bulk = random.Next(40) == 0;
        var recordRows = bulk ? random.Next(250, 700) : random.Next(8) == 0 ? 0 : random.Next(1, 40);
        var recordKeys = new UniqueKeys(engine, recordTypes[0], random);

        // Half the record sets hold only numbers (huge, tiny, extreme integers, NULL), so that they are aggregated in the database.
        var numbersOnly = random.Next(2) == 0;
        for (var r = 0; r < recordRows; r++)
        {
            var row = new object?[recordColumns.Length];
            row[0] = recordKeys.Next();
            row[1] = bulk && random.Next(2) == 0 ? values.ManyUnits(recordTypes[1], r) : values.Unit(recordTypes[1]);
            row[2] = random.Next(4) == 0 ? values.Period(recordTypes[2]) : values.ThePeriod(recordTypes[2]);
            for (var f = 0; f < Fields.Length; f++)
            {
                row[3 + f] = random.Next(3) != 0 ? values.PlainNumber(recordTypes[3 + f], Fields[f].Field, numbersOnly)
                    : numbersOnly ? values.ExtremeNumber(recordTypes[3 + f])
                    : values.Number(recordTypes[3 + f]);
            }

            if (random.Next(8) == 0 && records.Rows.Count > 0)
            {
                var copy = (object?[])records.Rows[random.Next(records.Rows.Count)].Clone();
                copy[0] = row[0];
                row = copy;
            }

            records.Rows.Add(row);
        }

        return new SqlFuzzCase
        {
            Seed = seed,
            Engine = engine,
            Suffix = suffix,
            Observations = observations,
            Records = records,
            ObservationsThroughView = random.Next(10) == 0,
            ObservationsTwice = random.Next(15) == 0,
            RecordsThroughView = random.Next(10) == 0,
            KeyedObservations = random.Next(3) == 0,
            KeyedRecords = random.Next(3) == 0,
            WithStage = random.Next(2) == 0,
            Pushdown = random.Next(6) != 0,
            Fault = fault,
            Measures = [.. measures],
        };
    }

    /// <summary>A copy of an earlier row: the same, or with its value, period, or unit's spelling changed (duplicates).</summary>
    private static object?[] Repeat(object?[] earlier, Random random, SqlValuePool values, string[] types)
    {
        var row = (object?[])earlier.Clone();
        switch (random.Next(4))
        {
            case 0:
                row[4] = values.Number(types[4]);
                break;
            case 1:
                row[3] = values.Period(types[3]);
                break;
            case 2 when row[1] is string unit:
                row[1] = random.Next(2) == 0 ? " " + unit + " " : unit.ToUpperInvariant();
                break;
            default:
                break;
        }

        return row;
    }

    private static MeasureDefinition Derived(Random random, string id)
    {
        string? Filter() => random.Next(3) == 0 ? null : Filters[random.Next(Filters.Length)];
        string Field() => Fields[random.Next(Fields.Length)].Field;
        return random.Next(6) switch
        {
            0 => Fixtures.Derive(id, "count", filter: Filter()),
            1 => Fixtures.Derive(id, "sum", Field(), Filter()),
            2 => Fixtures.Derive(id, "mean", Field(), Filter()),
            3 => Fixtures.Derive(id, random.Next(2) == 0 ? "min" : "max", Field(), Filter()),
            _ => new MeasureDefinition
            {
                Id = id,
                Name = new LocalizedText(id),
                Derivation = new MeasureDerivation { Records = "dossiers", Function = "ratio", Filter = Filter() ?? "truc_tuyen = 1", DenominatorFilter = random.Next(3) == 0 ? Filter() : null },
            },
        };
    }

    /// <summary>Unique row keys of a column's type (the source orders rows by the key; unique keys make that order exact).</summary>
    private sealed class UniqueKeys(SqlEngine engine, string type, Random random)
    {
        private readonly HashSet<string> used = new(StringComparer.Ordinal);
        private readonly bool text = engine == SqlEngine.Sqlite ? random.Next(2) == 0 : type == "VARCHAR";

        public object Next()
        {
            while (true)
            {
                var n = random.Next(1, 100_000);
                object key = text
                    ? random.Next(4) switch { 0 => $"HS-{n:D5}", 1 => $"hồ sơ {n}", 2 => $"'{n}'; --", _ => n.ToString(CultureInfo.InvariantCulture) }
                    : (object)(long)n;
                if (used.Add(Convert.ToString(key, CultureInfo.InvariantCulture)!.Trim()))
                {
                    return key;
                }
            }
        }
    }
}

/// <summary>
/// Hostile values of each role, as the engine can store them: SQLite columns take anything (any declared type),
/// DuckDB columns only their type's values.
/// </summary>
internal sealed class SqlValuePool(SqlEngine engine, Random random)
{
    private static readonly string[] UnitTexts =
    [
        "747", "748", " 747", "747 ", "\t748\n", "747.0", "0747", "Ấp Phước Lập", "A\u0302\u0301p Phu\u031Bo\u031B\u0301c La\u0323\u0302p", "ấp phước lập",
        "so-tc", "SO-TC", "so\u2010tc", "so-tc\u200B", "\u00A0so-tc\u3000", "", "   ", "x'); DROP TABLE ho_so; --", "749", "unknown", "\"747\"",
    ];

    private static readonly string[] MeasureTexts = ["a", "b", " a ", "A", "c", "", "b\u0301", "a;b", "d0", "d1", "d2", "d3"];

    private static readonly string[] PeriodTexts = ["2023", "2023", "2023", " 2023", "2023 ", "2023.0", "2022", "", "２０２３", "2023-01-01", "FY2023"];

    private static readonly string[] NumberTexts =
    [
        "12.5", " 3 ", "1,5", "abc", "", "  ", "NaN", "Infinity", "-inf", "1e400", "-1e-400", "0x10", "１２", "1e3", "+7", ".5", "5.", "--1",
        "9007199254740993", "1" + new string('0', 400), "12.5 kg",
    ];

    /// <summary>The declared type of a column of a role (key, unit, measure, period, value, stage, or a field column).</summary>
    public string ColumnType(string role)
    {
        if (engine == SqlEngine.Sqlite)
        {
            return new[] { "", "TEXT", "INTEGER", "REAL", "NUMERIC", "BLOB", "VARCHAR(10)", "DOUBLE PRECISION" }[random.Next(8)];
        }

        return role switch
        {
            SqlFuzzCase.Key => random.Next(2) == 0 ? "INTEGER" : "VARCHAR",
            SqlFuzzCase.Unit => random.Next(6) switch { 0 => "INTEGER", 1 => "DOUBLE", _ => "VARCHAR" },
            SqlFuzzCase.Measure or SqlFuzzCase.Stage => "VARCHAR",
            SqlFuzzCase.PeriodColumn => new[] { "VARCHAR", "VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL(18,3)" }[random.Next(6)],
            _ => new[] { "DOUBLE", "DOUBLE", "INTEGER", "BIGINT", "DECIMAL(18,3)", "VARCHAR", "BOOLEAN", "FLOAT", "HUGEINT", "DATE" }[random.Next(10)],
        };
    }

    public object? Unit(string type) => Kind(type) switch
    {
        'i' => Pick<object?>(747L, 748L, 749L, 0L, null),
        'd' => Pick<object?>(747.0, 748.0, 747.5, double.NaN, -0.0, null),
        'v' => Pick<object?>([.. UnitTexts, null, new string('7', 3000)]),
        _ => Any(Pick<object?>([.. UnitTexts, null, 747L, 747.0, 748.5, Blob(), new string('7', 3000)])),
    };

    /// <summary>An assessed unit's id, as the column's type can hold it (rows that are accepted, so that duplicates and order matter).</summary>
    public object? AssessedUnit(string type) => Kind(type) switch
    {
        'i' => Pick<object?>(747L, 748L),
        'd' => Pick<object?>(747.0, 748.0),
        _ => Pick<object?>("747", "748", "so-tc", "Ấp Phước Lập"),
    };

    /// <summary>Distinct unit ids that are not assessed, for record sets that reject hundreds of units.</summary>
    public object ManyUnits(string type, int n) => Kind(type) switch
    {
        'i' => 10_000L + n,
        'd' => 10_000.5 + n,
        _ => $"xa-{n.ToString(CultureInfo.InvariantCulture)}",
    };

    public object? Measure(string type, int derived) =>
        Kind(type) == 'v' ? Pick<object?>([.. MeasureTexts.Take(8 + derived), null]) : Any(Pick<object?>([.. MeasureTexts.Take(8 + derived), null, 1L, Blob()]));

    public object? Period(string type) => Kind(type) switch
    {
        'i' => Pick<object?>(2023L, 2023L, 2022L, 0L, null),
        'd' => Pick<object?>(2023.0, 2023.0, 2022.0, 2023.5, double.NaN, null),
        'm' => Pick<object?>(2023m, 2023.000m, 2022m, 2023.5m, null),
        'v' => Pick<object?>([.. PeriodTexts, null]),
        _ => Any(Pick<object?>([.. PeriodTexts, null, 2023L, 2023L, 2022L, 2023.0, 2023.5, Blob()])),
    };

    /// <summary>The period assessed, spelled as the column's type allows.</summary>
    public object? ThePeriod(string type) => Kind(type) switch
    {
        'i' => 2023L,
        'd' => 2023.0,
        'm' => random.Next(2) == 0 ? 2023m : 2023.000m,
        'v' => "2023",
        _ => Pick<object?>("2023", 2023L, 2023.0),
    };

    public object? Stage(string type) => Kind(type) == 'v'
        ? Pick<object?>(null, "", "self-assessed", "verified", "thẩm định", "  ")
        : Any(Pick<object?>(null, "", "self-assessed", "verified", "thẩm định", "  ", 1L));

    /// <summary>A hostile value for a number column.</summary>
    public object? Number(string type) => Kind(type) switch
    {
        'i' => type == "INTEGER"
            ? Pick<object?>(0L, 1L, -1L, 15L, (long)int.MaxValue, (long)int.MinValue, null)
            : Pick<object?>(0L, 1L, -1L, 16L, long.MaxValue, long.MinValue, 9007199254740993L, null),
        'd' => type == "FLOAT"
            ? Pick<object?>(0f, 1f, 3.5f, float.MaxValue, float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity, null)
            : Pick<object?>(0.0, 1.0, -2.5, 1e300, -1e300, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9007199254740993.0, null),
        'm' => Pick<object?>(0m, 1.5m, -1.25m, 999999999999999.999m, 15m, null),
        'b' => Pick<object?>(true, false, null),
        'h' => Pick<object?>(BigInteger.Zero, BigInteger.One, BigInteger.Pow(10, 30), -BigInteger.Pow(10, 30), null),
        't' => Pick<object?>(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), null),
        'v' => Pick<object?>([.. NumberTexts, null, new string('9', 5000)]),
        _ => Any(Pick<object?>(
        [
            .. NumberTexts, null, null, 0L, 1L, -1L, 16L, long.MaxValue, long.MinValue, 9007199254740993L, 0.0, 3.5, -2.5, 1e300, -1e300, double.MaxValue,
            double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, Blob(), new string('9', 5000),
        ])),
    };

    /// <summary>A number that is stored as a number (no text, no infinity): extremes of range and precision.</summary>
    public object? ExtremeNumber(string type) => Kind(type) switch
    {
        'd' when type == "FLOAT" => Pick<object?>(0f, 1f, -3.5f, float.MaxValue, -float.MaxValue, float.Epsilon, null),
        'd' or '*' => Pick<object?>(0.0, -0.0, 3.5, -2.5, 1e300, -1e300, double.MaxValue, -double.MaxValue, double.Epsilon, 1e-300, 9007199254740993.0, null,
            engine == SqlEngine.Sqlite ? long.MaxValue : 1e308, engine == SqlEngine.Sqlite ? long.MinValue : -1e308, engine == SqlEngine.Sqlite ? 9007199254740993L : 0.1),
        _ => Number(type),
    };

    /// <summary>A mostly ordinary value of a field (so that filters and aggregates have something to work on).</summary>
    public object? PlainNumber(string type, string field, bool numbersOnly = false)
    {
        var number = field switch
        {
            "truc_tuyen" => random.Next(2),
            "so_ngay" => random.Next(0, 40) / (random.Next(3) == 0 ? 2.0 : 1.0),
            _ => random.Next(0, 5) * 50_000.0,
        };
        return random.Next(10) == 0 ? null : Kind(type) switch
        {
            'i' => (long)number,
            'd' => type == "FLOAT" ? (float)number : number,
            'm' => (decimal)number,
            'b' => number != 0,
            'h' => new BigInteger(number),
            't' => null,
            'v' => number.ToString(CultureInfo.InvariantCulture),
            _ => random.Next(4) switch { 0 => (long)number, 1 when !numbersOnly => number.ToString(CultureInfo.InvariantCulture), _ => number },
        };
    }

    /// <summary>The kind of values a DuckDB column type holds ('*' for SQLite: anything).</summary>
    private char Kind(string type) => engine == SqlEngine.Sqlite ? '*' : type switch
    {
        "INTEGER" or "BIGINT" => 'i',
        "DOUBLE" or "FLOAT" => 'd',
        "DECIMAL(18,3)" => 'm',
        "BOOLEAN" => 'b',
        "HUGEINT" => 'h',
        "DATE" => 't',
        _ => 'v',
    };

    /// <summary>SQLite: sometimes a value's type is changed (a number as text, text as bytes).</summary>
    private object? Any(object? value) => random.Next(10) switch
    {
        0 when value is long or double => Convert.ToString(value, CultureInfo.InvariantCulture),
        1 when value is string text => Encoding.UTF8.GetBytes(text),
        _ => value,
    };

    private byte[] Blob() => [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => (byte)random.Next(256))];

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];
}
