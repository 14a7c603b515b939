using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Reads a long-format observation table row by row: each row is accepted as one observation or rejected with its
/// location (<c>sqlite:data/x.db chi_tieu:rowid=17</c>, or the <c>key</c> column's value, or for a view the row's
/// number in the order of unit, measure, period and value) and a reason that says how to fix it.
/// </summary>
/// <remarks>
/// A NULL (or blank) value is a missing observation and is accepted as NaN; a value that is not a finite number is
/// rejected. Rows of another period and rows of measures the definition does not use are listed as rejected but are
/// not errors (strict mode does not stop at them); every other rejection is an error. Rows are read in the order of
/// the row identifier, so that of two rows for one unit, measure and period the one stored first is kept.
/// </remarks>
internal static class ObservationTableReader
{
    /// <summary>Reads one table.</summary>
    /// <param name="context">The read.</param>
    /// <param name="table">The table.</param>
    /// <param name="measures">The ids of the measures the definition uses.</param>
    /// <param name="derived">The measures this source derives from its record sets: measure id → record set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the table is read.</returns>
    /// <exception cref="DataSourceException">The table cannot be read, or strict mode met a bad row.</exception>
    public static async Task ReadAsync(SqlReadContext context, ObservationTable table, IReadOnlySet<string> measures, IReadOnlyDictionary<string, string> derived, CancellationToken cancellationToken)
    {
        var d = context.Database.Dialect;
        var quoted = d.Quote(table.Table);
        var columns = new List<string> { d.Quote(table.Unit), d.Quote(table.Measure), d.Quote(table.Period), d.Quote(table.Value) };
        if (table.Stage is { } stage)
        {
            columns.Add(d.Quote(stage));
        }

        var what = $"observation table {table.Table}";
        var (identity, types) = await context.ProbeAsync(quoted, table.Key, columns, what, cancellationToken).ConfigureAwait(false);
        if (types.Count > 3 && types[3] == typeof(decimal))
        {
            // A decimal column may hold more than System.Decimal can (PostgreSQL numeric, DuckDB DECIMAL(38)): read it as a double.
            columns[3] = d.CastToDouble(columns[3]);
        }

        var selected = identity.Sql is null ? columns : [identity.Sql, .. columns];
        var order = identity.OrderSql ?? string.Join(", ", columns.Take(4));
        var sql = $"SELECT {string.Join(", ", selected)} FROM {quoted} ORDER BY {order}";
        var prefix = $"{context.Database.Label} {table.Table}";
        var offset = identity.Sql is null ? 0 : 1;
        long number = 0;
        await context.QueryAsync(sql, null, what, values =>
        {
            var location = identity.Locate(prefix, identity.Sql is null ? null : values[0], ++number);
            context.Ledger.Read();
            Row(context, table, measures, derived, values.AsSpan(offset), location);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Row(SqlReadContext context, ObservationTable table, IReadOnlySet<string> measures, IReadOnlyDictionary<string, string> derived, Span<object> values, string location)
    {
        var ledger = context.Ledger;
        var unit = DbValues.IsNull(values[0]) ? string.Empty : DbValues.Text(values[0]);
        var measure = DbValues.IsNull(values[1]) ? string.Empty : DbValues.Text(values[1]);
        var period = DbValues.IsNull(values[2]) ? string.Empty : DbValues.Text(values[2]);
        if (unit.Length == 0 || measure.Length == 0 || period.Length == 0)
        {
            var empty = unit.Length == 0 ? $"unit (column {table.Unit})" : measure.Length == 0 ? $"measure (column {table.Measure})" : $"period (column {table.Period})";
            ledger.Reject(location, $"the {empty} is empty; fill it in or delete the row.");
            return;
        }

        if (!string.Equals(period, ledger.Period, StringComparison.Ordinal))
        {
            ledger.Reject(location, $"period {period} is not the period assessed ({ledger.Period}); the row is not used.", isError: false);
            return;
        }

        if (!measures.Contains(measure))
        {
            ledger.Reject(location, $"measure '{measure}' is not a measure of the definition; the row is not used (if it should be, correct the id: ids are case-sensitive).", isError: false);
            return;
        }

        if (derived.TryGetValue(measure, out var records))
        {
            ledger.Reject(location, $"measure '{measure}' is derived by this source from its record set '{records}', so this row would be a second value for unit '{unit}'; the derived value is kept. Delete the row, or remove the derivation.");
            return;
        }

        if (!ledger.Units.Contains(unit))
        {
            ledger.Reject(location, $"unit '{unit}' is not one of the units assessed; correct the unit id in column {table.Unit}, or add the unit to the workspace's units.");
            return;
        }

        double value;
        if (DbValues.IsNull(values[3]) || (values[3] is string text && string.IsNullOrWhiteSpace(text)))
        {
            value = double.NaN;
        }
        else if (!DbValues.TryNumber(values[3], out value))
        {
            ledger.Reject(location, $"the value {DbValues.Show(values[3])} (column {table.Value}) of unit '{unit}', measure '{measure}' is not a number; write numbers with a decimal point (e.g. 12.5), 1 or 0 for yes or no, and NULL when the value is missing.");
            return;
        }
        else if (!double.IsFinite(value))
        {
            ledger.Reject(location, $"the value {DbValues.Show(values[3])} (column {table.Value}) of unit '{unit}', measure '{measure}' is not a finite number; write a number, or NULL when the value is missing.");
            return;
        }

        if (ledger.Seen(unit, measure, out var first))
        {
            ledger.Reject(location, $"a second value for unit '{unit}', measure '{measure}', period {period}; the first ({first}) is kept. Delete one of them.");
            return;
        }

        var stage = table.Stage is null || DbValues.IsNull(values[4]) ? null : DbValues.Text(values[4]);
        ledger.Accept();
        ledger.Add(new Observation(unit, measure, period, value, new Provenance(context.Settings.Name, location, string.IsNullOrEmpty(stage) ? null : stage)));
    }
}
