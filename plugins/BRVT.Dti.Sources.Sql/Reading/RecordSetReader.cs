using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Computes the measures derived from one record set: in the database with one parameterised <c>GROUP BY unit</c>
/// query when it can (<see cref="PushdownAggregation"/>), else row by row (<see cref="StreamingAggregation"/>), with
/// the same observations and the same account either way; the log says which and why.
/// </summary>
/// <remarks>
/// A unit assessed that has no records of the period gets what <see cref="RecordAggregator"/> gives it: 0 for
/// <c>count</c> and <c>sum</c>, missing for the other aggregates.
/// </remarks>
internal static class RecordSetReader
{
    /// <summary>Reads one record set.</summary>
    /// <param name="context">The read.</param>
    /// <param name="plan">The record set and the measures derived from it.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the measures are computed.</returns>
    /// <exception cref="DataSourceException">The table or a column does not exist, a query failed, or strict mode met a bad record.</exception>
    public static async Task ReadAsync(SqlReadContext context, RecordPlan plan, CancellationToken cancellationToken)
    {
        var dialect = context.Database.Dialect;
        var table = plan.Table;
        var (identity, types) = await context.ProbeAsync(
            dialect.Quote(table.Table),
            table.Key,
            [dialect.Quote(table.Unit), dialect.Quote(table.Period), .. plan.Fields.Select(field => dialect.Quote(table.Fields[field]))],
            $"record set '{table.Name}' (table {table.Table})",
            cancellationToken).ConfigureAwait(false);
        var read = new RecordSetRead(context, plan, identity, types);

        if (!table.Pushdown)
        {
            SqlSourceLog.Streaming(context.Logger, context.Settings.Name, table.Name);
            await StreamingAggregation.RunAsync(read, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (query, reason) = Build(read);
        if (query is not null)
        {
            reason = await PushdownAggregation.RunAsync(read, query, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                return;
            }
        }

        SqlSourceLog.FallingBack(context.Logger, context.Settings.Name, table.Name, reason!);
        await StreamingAggregation.RunAsync(read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the aggregate query, or says why there is none.</summary>
    /// <param name="read">The record set read.</param>
    /// <returns>The query, or the reason it cannot be written.</returns>
    internal static (RecordQuery? Query, string? Refusal) Build(RecordSetRead read)
    {
        var plan = read.Plan;
        var dialect = read.Context.Database.Dialect;
        var fieldSql = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var f = 0; f < plan.Fields.Count; f++)
        {
            var field = plan.Fields[f];
            var column = read.FieldColumns[f];
            var type = read.FieldType(f);
            if (type == typeof(bool))
            {
                fieldSql[field] = dialect.BooleanToDouble(column);
            }
            else if (type is null || DbValues.IsNumericType(type))
            {
                fieldSql[field] = dialect.CastToDouble(column);
                if (dialect.NotFiniteNumber(column, type) is { } check)
                {
                    checks[field] = check;
                }
            }
            else
            {
                return (null, $"field '{field}' is column {plan.Table.Fields[field]}, of type {RecordSetRead.TypeName(type)}, which the database cannot aggregate as a number");
            }
        }

        try
        {
            var parameters = new SqlParameters(dialect);
            var period = read.PeriodPredicate(parameters);
            return (RecordQuery.Build(dialect, plan, read.Table, read.Unit, fieldSql, checks, period, parameters), null);
        }
        catch (TranslationRefusedException refused)
        {
            return (null, refused.Message);
        }
    }
}
