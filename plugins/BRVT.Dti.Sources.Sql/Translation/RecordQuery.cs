using System.Security.Cryptography;
using System.Text;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Sql.Dialects;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>
/// The one query that aggregates a record set for every measure derived from it, grouped by unit, for one period:
/// <c>SELECT unit, COUNT(*), agg1, agg2, …, checks FROM table WHERE period = @p GROUP BY unit</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>count</c> is <c>COUNT(*)</c> or <c>SUM(CASE WHEN filter THEN 1 ELSE 0 END)</c>; <c>ratio</c> is two such counts
/// (records passing the denominator's filter, and of those the ones passing the numerator's), divided afterwards;
/// <c>sum</c>, <c>min</c> and <c>max</c> aggregate <c>CASE WHEN filter THEN field END</c>; <c>mean</c> is that sum and
/// the count of its values. A missing field is NULL: it fails every filter and is skipped by the aggregates, exactly
/// as in <see cref="RecordAggregator"/>. Every column is a partial aggregate that can be merged with another group's
/// (two spellings of one unit id, e.g. with spaces, are one unit).
/// </para>
/// <para>
/// The check columns count, per group and field read, the records whose value is not a finite number (text on
/// SQLite, NaN or an infinity elsewhere). When any is not 0 the database's result is set aside and the records are
/// read row by row, so that each bad record is rejected with its own location.
/// </para>
/// <para>Immutable once built.</para>
/// </remarks>
internal sealed class RecordQuery
{
    /// <summary>The column of the unit id.</summary>
    public const int UnitColumn = 0;

    /// <summary>The column of the number of records in the group.</summary>
    public const int RecordsColumn = 1;

    private RecordQuery(string sql, SqlParameters parameters, IReadOnlyList<int> measureColumns, IReadOnlyList<(string Field, int Column)> checks)
    {
        Sql = sql;
        Parameters = parameters;
        MeasureColumns = measureColumns;
        Checks = checks;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..12];
    }

    /// <summary>The SQL text (every value travels as a parameter).</summary>
    public string Sql { get; }

    /// <summary>The query's parameters.</summary>
    public SqlParameters Parameters { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of <see cref="Sql"/>, which provenance cites.</summary>
    public string Hash { get; }

    /// <summary>The index of the first result column of each measure of the plan (two columns for <c>ratio</c> and <c>mean</c>).</summary>
    public IReadOnlyList<int> MeasureColumns { get; }

    /// <summary>The columns counting records whose field holds something other than a finite number.</summary>
    public IReadOnlyList<(string Field, int Column)> Checks { get; }

    /// <summary>Builds the query.</summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="plan">The record set and its measures.</param>
    /// <param name="table">The quoted table.</param>
    /// <param name="unit">The quoted unit column.</param>
    /// <param name="fieldSql">Field name → SQL of its value as a double.</param>
    /// <param name="checks">Field name → predicate true when the stored value is not a finite number, for the fields that need one.</param>
    /// <param name="periodPredicate">The WHERE predicate selecting the period, its value already a parameter of <paramref name="parameters"/>.</param>
    /// <param name="parameters">The query's parameters (holding the period's).</param>
    /// <returns>The query.</returns>
    /// <exception cref="TranslationRefusedException">A filter has no exact SQL translation.</exception>
    public static RecordQuery Build(
        SqlDialect dialect,
        RecordPlan plan,
        string table,
        string unit,
        IReadOnlyDictionary<string, string> fieldSql,
        IReadOnlyDictionary<string, string> checks,
        string periodPredicate,
        SqlParameters parameters)
    {
        var select = new List<string> { unit, "COUNT(*)" };
        var columns = new List<int>(plan.Measures.Count);
        for (var m = 0; m < plan.Measures.Count; m++)
        {
            var measure = plan.Measures[m];
            var derivation = measure.Derivation!;
            var (filter, denominator) = plan.Filters[m];
            var translator = new SqlFilterTranslator(dialect, fieldSql, parameters, construct => new TranslationRefusedException($"measure '{measure.Id}' uses {construct}"));
            var where = filter is null ? null : translator.Predicate(filter);
            columns.Add(select.Count);
            switch (derivation.Function)
            {
                case "count":
                    select.Add(CountWhere(where));
                    break;
                case "ratio":
                    var denominatorWhere = denominator is null ? null : translator.Predicate(denominator);
                    select.Add(CountWhere(And(denominatorWhere, where)));
                    select.Add(CountWhere(denominatorWhere));
                    break;
                default:
                    var value = fieldSql[derivation.Field!];
                    var operand = where is null ? value : $"CASE WHEN {where} THEN {value} END";
                    select.Add(derivation.Function switch
                    {
                        "min" => $"MIN({operand})",
                        "max" => $"MAX({operand})",
                        _ => $"SUM({operand})",
                    });
                    if (derivation.Function == "mean")
                    {
                        select.Add($"COUNT({operand})");
                    }

                    break;
            }
        }

        var checkColumns = new List<(string, int)>();
        foreach (var (field, check) in checks.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            checkColumns.Add((field, select.Count));
            select.Add($"SUM(CASE WHEN {check} THEN 1 ELSE 0 END)");
        }

        var sql = $"SELECT {string.Join(", ", select)} FROM {table} WHERE {periodPredicate} GROUP BY {unit}";
        return new RecordQuery(sql, parameters, columns, checkColumns);
    }

    /// <summary>The partial aggregate of a measure in a result row.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="first">Its first column.</param>
    /// <param name="values">The row's values.</param>
    /// <returns>The partial aggregate.</returns>
    public static Reading.PartialAggregate Partial(MeasureDefinition measure, int first, object[] values)
    {
        double Number(int offset) =>
            Reading.DbValues.IsNull(values[first + offset]) || !Reading.DbValues.TryNumber(values[first + offset], out var n) ? double.NaN : n;
        var function = measure.Derivation!.Function;
        return function switch
        {
            "ratio" or "mean" => new(ZeroIfMissing(Number(0)), ZeroIfMissing(Number(1))),
            "count" or "sum" => new(ZeroIfMissing(Number(0)), 0),
            _ => new(Number(0), 0),
        };
    }

    private static double ZeroIfMissing(double value) => double.IsNaN(value) ? 0 : value;

    private static string CountWhere(string? predicate) => predicate is null ? "COUNT(*)" : $"SUM(CASE WHEN {predicate} THEN 1 ELSE 0 END)";

    private static string? And(string? a, string? b) => a is null ? b : b is null ? a : $"({a}) AND ({b})";
}
