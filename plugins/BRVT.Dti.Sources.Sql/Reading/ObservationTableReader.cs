using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Reads a long-format observation table row by row: each row is accepted as one observation or rejected with its
/// location (<c>sqlite:file.db table t row N</c>, rows numbered in the order of unit, measure, period and value) and
/// a reason.
/// </summary>
/// <remarks>
/// A NULL (or blank) value is a missing observation and is accepted as NaN; a value that is not a number is rejected.
/// Rows of another period and rows of measures the definition does not use are listed as rejected but are not errors
/// (strict mode does not stop at them); every other rejection is an error.
/// </remarks>
internal static class ObservationTableReader
{
    /// <summary>Reads one table.</summary>
    /// <param name="context">The read.</param>
    /// <param name="table">The table.</param>
    /// <param name="measures">The ids of the measures the definition uses.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the table is read.</returns>
    /// <exception cref="DataSourceException">The table cannot be read, or strict mode met a bad row.</exception>
    public static Task ReadAsync(SqlReadContext context, ObservationTable table, IReadOnlySet<string> measures, CancellationToken cancellationToken)
    {
        var d = context.Database.Dialect;
        var columns = new List<string> { d.Quote(table.Unit), d.Quote(table.Measure), d.Quote(table.Period), d.Quote(table.Value) };
        if (table.Stage is { } stage)
        {
            columns.Add(d.Quote(stage));
        }

        var sql = $"SELECT {string.Join(", ", columns)} FROM {d.Quote(table.Table)} ORDER BY {string.Join(", ", columns.Take(4))}";
        var prefix = $"{context.Database.Label} table {table.Table}";
        var ledger = context.Ledger;
        long number = 0;
        return context.QueryAsync(sql, null, $"table {table.Table}", (values, _) =>
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"{prefix} row {++number}");
            ledger.Read();
            Row(context, table, measures, values, location);
        }, cancellationToken);
    }

    private static void Row(SqlReadContext context, ObservationTable table, IReadOnlySet<string> measures, object[] values, string location)
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
