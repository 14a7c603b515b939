using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>
/// The one query that aggregates a record set for every measure derived from it, grouped by unit, for one period:
/// <c>SELECT unit, COUNT(*), agg1, agg2, … FROM table WHERE period = @p GROUP BY unit ORDER BY unit</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>count</c> is <c>COUNT(*)</c> or <c>SUM(CASE WHEN filter THEN 1 ELSE 0 END)</c>; <c>ratio</c> is two such counts
/// (records passing the denominator's filter, and of those the ones passing the numerator's) divided here, NaN when
/// the denominator is 0; <c>sum</c>, <c>min</c> and <c>max</c> aggregate <c>CASE WHEN filter THEN field END</c>;
/// <c>mean</c> is that sum divided here by the count of its values. A missing field is NULL: it fails every filter
/// and is skipped by the aggregates, exactly as in <see cref="RecordAggregator"/>. On SQLite, whose columns hold
/// values of any type, each field read gets a count of records holding something other than a number, and a group
/// with any is rejected.
/// </para>
/// <para>Immutable once built.</para>
/// </remarks>
internal sealed class RecordQuery
{
    private RecordQuery(string sql, SqlParameters parameters, IReadOnlyList<MeasureColumns> measures, IReadOnlyList<(string Field, int Column)> checks)
    {
        Sql = sql;
        Parameters = parameters;
        Measures = measures;
        Checks = checks;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..12];
    }

    /// <summary>The SQL text (values travel as parameters).</summary>
    public string Sql { get; }

    /// <summary>The query's parameters.</summary>
    public SqlParameters Parameters { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of <see cref="Sql"/>, which provenance cites.</summary>
    public string Hash { get; }

    /// <summary>Where each measure's aggregates are in a result row.</summary>
    public IReadOnlyList<MeasureColumns> Measures { get; }

    /// <summary>For SQLite: the columns counting records whose field holds something other than a number.</summary>
    public IReadOnlyList<(string Field, int Column)> Checks { get; }

    /// <summary>The fields the measures read, in name order.</summary>
    /// <param name="table">The record set.</param>
    /// <param name="measures">The measures derived from it.</param>
    /// <param name="file">The configuration file, for messages.</param>
    /// <returns>The field names and the parsed filters of every measure.</returns>
    /// <exception cref="DataSourceConfigurationException">A measure's derivation is wrong or names a field the record set does not have.</exception>
    public static (IReadOnlyList<string> Fields, IReadOnlyDictionary<MeasureDefinition, (Formula? Filter, Formula? Denominator)> Filters) Analyse(
        RecordTable table, IReadOnlyList<MeasureDefinition> measures, string file)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var filters = new Dictionary<MeasureDefinition, (Formula?, Formula?)>(ReferenceEqualityComparer.Instance);
        foreach (var measure in measures)
        {
            var derivation = measure.Derivation!;
            if (derivation.Function is not ("count" or "sum" or "mean" or "min" or "max" or "ratio"))
            {
                throw Refused(file, table, measure, $"the aggregate '{derivation.Function}'. Use count, sum, mean, min, max or ratio");
            }

            if (derivation.Function is "sum" or "mean" or "min" or "max")
            {
                var field = derivation.Field ?? throw Refused(file, table, measure, $"the aggregate '{derivation.Function}' without a \"field\"; name the field it aggregates");
                if (!table.Fields.ContainsKey(field))
                {
                    throw Refused(file, table, measure, $"the field '{field}', which is not one of the record set's fields ({string.Join(", ", table.Fields.Keys.Order(StringComparer.Ordinal))}); add it to \"fields\" or correct the derivation");
                }

                fields.Add(field);
            }

            var filter = Parse(file, table, measure, derivation.Filter, "filter");
            var denominator = derivation.Function == "ratio" ? Parse(file, table, measure, derivation.DenominatorFilter, "denominatorFilter") : null;
            foreach (var formula in new[] { filter, denominator })
            {
                foreach (var variable in formula?.Variables ?? [])
                {
                    if (!table.Fields.ContainsKey(variable))
                    {
                        throw Refused(file, table, measure, $"the field '{variable}' in the filter '{formula!.Text}', which is not one of the record set's fields ({string.Join(", ", table.Fields.Keys.Order(StringComparer.Ordinal))}); add it to \"fields\" or correct the filter");
                    }

                    fields.Add(variable);
                }
            }

            filters[measure] = (filter, denominator);
        }

        return ([.. fields], filters);
    }

    /// <summary>Builds the query.</summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="table">The record set.</param>
    /// <param name="measures">The measures derived from it (at least one).</param>
    /// <param name="filters">The measures' parsed filters, from <see cref="Analyse"/>.</param>
    /// <param name="fieldSql">Field name → SQL of its value as a double.</param>
    /// <param name="periodPredicate">The WHERE predicate selecting the period, its value already a parameter of <paramref name="parameters"/>.</param>
    /// <param name="parameters">The query's parameters (holding the period's).</param>
    /// <param name="file">The configuration file, for messages.</param>
    /// <returns>The query.</returns>
    /// <exception cref="DataSourceConfigurationException">A filter cannot be translated; the message names the measure and the construct.</exception>
    public static RecordQuery Build(
        SqlDialect dialect,
        RecordTable table,
        IReadOnlyList<MeasureDefinition> measures,
        IReadOnlyDictionary<MeasureDefinition, (Formula? Filter, Formula? Denominator)> filters,
        IReadOnlyDictionary<string, string> fieldSql,
        string periodPredicate,
        SqlParameters parameters,
        string file)
    {
        var unit = dialect.Quote(table.Unit);
        var select = new List<string> { unit, "COUNT(*)" };
        var columns = new List<MeasureColumns>();
        foreach (var measure in measures)
        {
            var derivation = measure.Derivation!;
            var (filter, denominator) = filters[measure];
            var translator = new SqlFilterTranslator(dialect, fieldSql, parameters, construct => Refused(file, table, measure, construct));
            var where = filter is null ? null : translator.Predicate(filter);
            var first = select.Count;
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

            columns.Add(new MeasureColumns(measure, derivation.Function, first));
        }

        var checks = new List<(string, int)>();
        foreach (var (field, _) in fieldSql.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (dialect.NumericCheck(dialect.Quote(table.Fields[field])) is { } check)
            {
                checks.Add((field, select.Count));
                select.Add($"SUM(CASE WHEN {check} THEN 0 ELSE 1 END)");
            }
        }

        var sql = $"SELECT {string.Join(", ", select)} FROM {dialect.Quote(table.Table)} WHERE {periodPredicate} GROUP BY {unit} ORDER BY {unit}";
        return new RecordQuery(sql, parameters, columns, checks);
    }

    /// <summary>The value of a measure from a result row, as <see cref="RecordAggregator"/> computes it.</summary>
    /// <param name="columns">The measure's columns.</param>
    /// <param name="values">The row's values.</param>
    /// <returns>The value; NaN when missing (a mean or ratio over nothing, a min or max of nothing).</returns>
    public static double Value(MeasureColumns columns, object[] values)
    {
        double Number(int offset) => DbValues.IsNull(values[columns.First + offset]) || !DbValues.TryNumber(values[columns.First + offset], out var n) ? double.NaN : n;
        switch (columns.Function)
        {
            case "count":
                return double.IsNaN(Number(0)) ? 0 : Number(0);
            case "ratio":
                var denominator = Number(1);
                return double.IsNaN(denominator) || denominator == 0 ? double.NaN : (double.IsNaN(Number(0)) ? 0 : Number(0)) / denominator;
            case "sum":
                return double.IsNaN(Number(0)) ? 0 : Number(0);
            case "mean":
                var count = Number(1);
                return double.IsNaN(count) || count == 0 ? double.NaN : Number(0) / count;
            default:
                return Number(0);
        }
    }

    /// <summary>The value of a measure for a unit with no records: <c>count</c> and <c>sum</c> 0, the others missing.</summary>
    /// <param name="function">The aggregate.</param>
    /// <returns>The value.</returns>
    public static double EmptyValue(string function) => function is "count" or "sum" ? 0 : double.NaN;

    private static string CountWhere(string? predicate) => predicate is null ? "COUNT(*)" : $"SUM(CASE WHEN {predicate} THEN 1 ELSE 0 END)";

    private static string? And(string? a, string? b) => a is null ? b : b is null ? a : $"({a}) AND ({b})";

    private static Formula? Parse(string file, RecordTable table, MeasureDefinition measure, string? text, string setting)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = Formula.Parse(text);
        if (parsed.Formula is { } formula)
        {
            return formula;
        }

        var error = parsed.Errors[0];
        throw new DataSourceConfigurationException(file, table.Pointer, string.Create(CultureInfo.InvariantCulture,
            $"measure '{measure.Id}': its {setting} '{text}' is not a valid formula at column {error.Column}: {error.Message}"));
    }

    private static DataSourceConfigurationException Refused(string file, RecordTable table, MeasureDefinition measure, string construct) =>
        new(file, table.Pointer, $"measure '{measure.Id}' (derived from record set '{table.Name}') cannot be computed in the database: it uses {construct}.");
}
