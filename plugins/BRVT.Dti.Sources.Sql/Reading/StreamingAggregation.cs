using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Aggregates a record set row by row in memory with Core's <see cref="RecordAggregator"/>: the way for filters that
/// have no SQL translation, columns the database cannot aggregate as numbers, records holding values that are not
/// numbers, and record sets whose settings turn pushdown off. Every record of the period is one row of the account:
/// accepted into its unit's aggregates, or rejected with its location (no unit, a unit not assessed, a field that
/// is not a number).
/// </summary>
internal static class StreamingAggregation
{
    /// <summary>Reads the records and adds the observations.</summary>
    /// <param name="read">The record set read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the record set is read.</returns>
    /// <exception cref="Data.DataSourceException">The query failed, or strict mode met a bad record.</exception>
    public static async Task RunAsync(RecordSetRead read, CancellationToken cancellationToken)
    {
        var context = read.Context;
        var ledger = context.Ledger;
        var plan = read.Plan;
        var aggregator = new RecordAggregator(plan.Table.Name, plan.Measures, plan.Fields, read.UnitOrdinals.Count);
        var parameters = new SqlParameters(context.Database.Dialect);
        var identity = read.Identity;
        var selected = new List<string>();
        if (identity.Sql is not null)
        {
            selected.Add(identity.Sql);
        }

        selected.Add(read.Unit);
        // A decimal column may hold more than System.Decimal can (PostgreSQL numeric, DuckDB DECIMAL(38)): read it as a double.
        selected.AddRange(read.FieldColumns.Select((column, f) => read.FieldType(f) == typeof(decimal) ? context.Database.Dialect.CastToDouble(column) : column));
        var order = identity.OrderSql ?? read.NumberingOrder;
        var sql = $"SELECT {string.Join(", ", selected)} FROM {read.Table} WHERE {read.PeriodPredicate(parameters)} ORDER BY {order}";
        var offset = identity.Sql is null ? 0 : 1;
        var fields = new double[plan.Fields.Count];
        long number = 0;
        await context.QueryAsync(sql, parameters, $"the records of record set '{plan.Table.Name}' (table {plan.Table.Table})", values =>
        {
            number++;
            ledger.Read();
            var raw = values[offset];
            var unit = DbValues.IsNull(raw) ? string.Empty : DbValues.Text(raw);
            if (read.UnitProblem(unit) is { } unitProblem)
            {
                ledger.Reject(identity.Locate(read.Prefix, offset == 0 ? null : values[0], number), unitProblem);
                return;
            }

            for (var f = 0; f < fields.Length; f++)
            {
                if (read.FieldProblem(f, values[offset + 1 + f], out fields[f]) is { } fieldProblem)
                {
                    ledger.Reject(identity.Locate(read.Prefix, offset == 0 ? null : values[0], number), fieldProblem);
                    return;
                }
            }

            var u = read.UnitOrdinals[unit];
            aggregator.Add(u, fields);
            read.Records[u]++;
            ledger.Accept();
        }, cancellationToken).ConfigureAwait(false);

        read.Emit(aggregator.Value, "aggregated row by row");
    }
}
