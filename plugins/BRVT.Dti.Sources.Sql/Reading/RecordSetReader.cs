using System.Data;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Computes the measures derived from one record set in the database with one <see cref="RecordQuery"/>; the raw
/// records never leave it. Each group the query returns (one per unit) is a row of the account: accepted with one
/// observation per measure, or rejected (no unit, an unknown unit, a value that already came from elsewhere, or on
/// SQLite records holding something other than a number).
/// </summary>
/// <remarks>
/// A unit assessed that has no records of the period gets what <see cref="RecordAggregator"/> gives it: 0 for
/// <c>count</c> and <c>sum</c>, missing for the other aggregates (these observations cite the query, with 0 records).
/// </remarks>
internal static class RecordSetReader
{
    /// <summary>Reads one record set.</summary>
    /// <param name="context">The read.</param>
    /// <param name="table">The record set.</param>
    /// <param name="measures">The measures derived from it.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the aggregates are read.</returns>
    /// <exception cref="DataSourceConfigurationException">A derivation cannot be computed in the database.</exception>
    /// <exception cref="DataSourceException">The query failed, a column has a type that is not a number, or strict mode met a bad group.</exception>
    public static async Task ReadAsync(SqlReadContext context, RecordTable table, IReadOnlyList<MeasureDefinition> measures, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var dialect = context.Database.Dialect;
        var (fields, filters) = RecordQuery.Analyse(table, measures, settings.ConfigurationFile);

        // Ask the database for the columns' types (and whether they exist) before writing the aggregate query.
        var probed = new List<string> { dialect.Quote(table.Unit), dialect.Quote(table.Period) };
        probed.AddRange(fields.Select(field => dialect.Quote(table.Fields[field])));
        var types = await context.ColumnTypesAsync(
            $"SELECT {string.Join(", ", probed)} FROM {dialect.Quote(table.Table)} WHERE 1 = 0",
            $"record set '{table.Name}' (table {table.Table})",
            cancellationToken).ConfigureAwait(false);

        var fieldSql = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var column = dialect.Quote(table.Fields[fields[i]]);
            var type = types.Count == 0 ? typeof(double) : types[i + 2];
            fieldSql[fields[i]] = type == typeof(bool)
                ? dialect.BooleanToDouble(column)
                : DbValues.IsNumericType(type)
                    ? dialect.CastToDouble(column)
                    : throw new DataSourceException(settings.Name,
                        $"field '{fields[i]}' of record set '{table.Name}' is column {table.Fields[fields[i]]} of table {table.Table}, whose type ({type.Name}) is not a number. Filters and aggregates read numbers: store numbers, 1/0 or booleans for yes/no, and NULL when missing, or map the field to another column.",
                        null);
        }

        var parameters = new SqlParameters(dialect);
        var periodPredicate = PeriodPredicate(context, table, types.Count == 0 ? null : types[1], parameters);
        var query = RecordQuery.Build(dialect, table, measures, filters, fieldSql, periodPredicate, parameters, settings.ConfigurationFile);

        var ledger = context.Ledger;
        var label = $"{context.Database.Label} table {table.Table}";
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        await context.QueryAsync(query.Sql, query.Parameters, $"record set '{table.Name}' (table {table.Table})", (values, _) =>
        {
            ledger.Read();
            Group(context, table, query, label, values, grouped);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var unit in context.Request.Units)
        {
            if (grouped.Contains(unit.Id))
            {
                continue;
            }

            var location = $"{label} (0 records, query {query.Hash})";
            foreach (var columns in query.Measures)
            {
                if (!ledger.Seen(unit.Id, columns.Measure.Id, out _))
                {
                    ledger.Add(new Observation(unit.Id, columns.Measure.Id, ledger.Period, RecordQuery.EmptyValue(columns.Function), new Provenance(settings.Name, location)));
                }
            }
        }
    }

    private static void Group(SqlReadContext context, RecordTable table, RecordQuery query, string label, object[] values, HashSet<string> grouped)
    {
        var ledger = context.Ledger;
        var records = DbValues.TryNumber(values[1], out var n) ? (long)n : 0;
        var unit = DbValues.IsNull(values[0]) ? string.Empty : DbValues.Text(values[0]);
        var where = string.Create(CultureInfo.InvariantCulture, $"{label}, records of period {ledger.Period} of unit {(unit.Length == 0 ? "(none)" : $"'{unit}'")} ({records} records)");
        if (unit.Length == 0)
        {
            ledger.Reject(where, $"these records have no unit (column {table.Unit} is NULL or empty); fill in the unit of each record.");
            return;
        }

        var first = grouped.Add(unit);
        if (!ledger.Units.Contains(unit))
        {
            ledger.Reject(where, $"unit '{unit}' is not one of the units assessed; correct the unit ids in column {table.Unit}, or add the unit to the workspace's units.");
            return;
        }

        var bad = query.Checks
            .Select(check => (check.Field, Count: DbValues.TryNumber(values[check.Column], out var c) ? (long)c : 0))
            .Where(check => check.Count > 0)
            .ToList();
        if (bad.Count > 0)
        {
            var list = string.Join(", ", bad.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Count} in field '{b.Field}' (column {table.Fields[b.Field]})")));
            ledger.Reject(where, $"some records hold something other than a number: {list}. Correct those records: numbers with a decimal point, 1 or 0 for yes or no, NULL when missing.");
            return;
        }

        var duplicates = query.Measures
            .Select(columns => ledger.Seen(unit, columns.Measure.Id, out var at) ? $"'{columns.Measure.Id}' (already given by {at})" : null)
            .OfType<string>()
            .ToList();
        if (!first || duplicates.Count > 0)
        {
            var what = first ? string.Join(", ", duplicates) : "every measure (an earlier group of the same unit id, written differently, e.g. with spaces)";
            ledger.Reject(where, $"a second value for unit '{unit}' of {what}; the first is kept. Give each value in one place only.");
            return;
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"{label} ({records} records, query {query.Hash})");
        ledger.Accept();
        foreach (var columns in query.Measures)
        {
            ledger.Add(new Observation(unit, columns.Measure.Id, ledger.Period, RecordQuery.Value(columns, values), new Provenance(context.Settings.Name, location)));
        }
    }

    /// <summary>
    /// Selects the period assessed: against an integer column as an integer, against a text column as text, otherwise
    /// by comparing the column's text (always on SQLite, whose columns hold any type).
    /// </summary>
    private static string PeriodPredicate(SqlReadContext context, RecordTable table, Type? type, SqlParameters parameters)
    {
        var dialect = context.Database.Dialect;
        var column = dialect.Quote(table.Period);
        var period = context.Request.Period;
        if (type is not null && DbValues.IsIntegerType(type) && long.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return $"{column} = {parameters.Add(whole, DbType.Int64)}";
        }

        return type == typeof(string)
            ? $"{column} = {parameters.Add(period, DbType.String)}"
            : $"{dialect.CastToText(column)} = {parameters.Add(period, DbType.String)}";
    }
}
