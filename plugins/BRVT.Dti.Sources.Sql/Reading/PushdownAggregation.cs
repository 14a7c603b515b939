using System.Globalization;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// Aggregates a record set in the database with one <see cref="RecordQuery"/>: the raw records never leave it. Each
/// group's <c>COUNT(*)</c> is the number of rows read for it. The groups of an assessed unit are accepted whole; the
/// records of any other group (no unit, a unit not assessed) are then fetched by their row identifiers alone and
/// rejected one by one with their locations, exactly as reading row by row would reject them.
/// </summary>
/// <remarks>
/// When the query cannot run, or some records hold values that are not finite numbers (which only a row-by-row read
/// can reject one by one), nothing is counted and the caller reads the record set row by row instead.
/// </remarks>
internal static class PushdownAggregation
{
    private const int UnitsPerLocatingQuery = 200;

    /// <summary>Runs the query and accounts for its groups.</summary>
    /// <param name="read">The record set read.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns><see langword="null"/> when done (the observations are added), else why the database's result was set aside.</returns>
    /// <exception cref="Data.DataSourceException">A locating query failed, or strict mode met a rejected record.</exception>
    public static async Task<string?> RunAsync(RecordSetRead read, RecordQuery query, CancellationToken cancellationToken)
    {
        var context = read.Context;
        var plan = read.Plan;
        var measures = plan.Measures;
        var functions = measures.Select(m => m.Derivation!.Function).ToArray();
        var partials = new PartialAggregate[read.UnitOrdinals.Count][];
        for (var u = 0; u < partials.Length; u++)
        {
            partials[u] = [.. functions.Select(PartialAggregate.Empty)];
        }

        var rejected = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var rejectsNull = false;
        long records = 0;
        var groups = 0;
        var bad = new long[query.Checks.Count];
        SqlSourceLog.Query(context.Logger, query.Hash, query.Sql);
        try
        {
            await context.RunAsync(query.Sql, query.Parameters, values =>
            {
                groups++;
                var count = DbValues.TryNumber(values[RecordQuery.RecordsColumn], out var n) ? (long)n : 0;
                records += count;
                for (var c = 0; c < bad.Length; c++)
                {
                    bad[c] += DbValues.TryNumber(values[query.Checks[c].Column], out var b) ? (long)b : 0;
                }

                var raw = values[RecordQuery.UnitColumn];
                var unit = DbValues.IsNull(raw) ? string.Empty : DbValues.Text(raw);
                if (!read.UnitOrdinals.TryGetValue(unit, out var u))
                {
                    if (DbValues.IsNull(raw))
                    {
                        rejectsNull = true;
                    }
                    else
                    {
                        if (!rejected.TryGetValue(unit, out var spellings))
                        {
                            rejected[unit] = spellings = [];
                        }

                        spellings.Add(raw);
                    }

                    return;
                }

                read.Records[u] += count;
                for (var m = 0; m < measures.Count; m++)
                {
                    partials[u][m] = partials[u][m].Merge(functions[m], RecordQuery.Partial(measures[m], query.MeasureColumns[m], values));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            // Groups may have been counted before the query failed; the row-by-row read counts every record again.
            Array.Clear(read.Records);
            return $"the database could not run the aggregate query ({exception.Message})";
        }

        if (bad.Any(b => b > 0))
        {
            Array.Clear(read.Records);
            var where = string.Join(", ", query.Checks.Select((check, c) => (check.Field, Count: bad[c])).Where(x => x.Count > 0)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Count} in field '{x.Field}'")));
            return $"some records hold values that are not finite numbers ({where}), which are rejected one by one";
        }

        SqlSourceLog.PushedDown(context.Logger, context.Settings.Name, plan.Table.Name, measures.Count, query.Hash, records, groups);
        foreach (var u in read.UnitOrdinals.Values)
        {
            context.Ledger.ReadAndAccept(read.Records[u]);
        }

        if (rejectsNull || rejected.Count > 0)
        {
            await RejectAsync(read, rejectsNull, rejected, cancellationToken).ConfigureAwait(false);
        }

        read.Emit((m, u) => partials[u][m].Value(functions[m]), $"aggregated in the database, query {query.Hash}");
        return null;
    }

    /// <summary>Fetches the rows of the rejected groups (row identifiers only) and rejects each with its location.</summary>
    private static async Task RejectAsync(RecordSetRead read, bool rejectsNull, Dictionary<string, List<object>> rejected, CancellationToken cancellationToken)
    {
        var context = read.Context;
        var ledger = context.Ledger;
        var what = $"the records of record set '{read.Plan.Table.Name}' (table {read.Plan.Table.Table}) that are not used";
        if (read.Identity.Sql is null)
        {
            // Rows are numbered in one order over all the records of the period, as the row-by-row read numbers them.
            var numbering = new SqlParameters(context.Database.Dialect);
            var sql = $"SELECT {read.Unit} FROM {read.Table} WHERE {read.PeriodPredicate(numbering)} ORDER BY {read.NumberingOrder}";
            long number = 0;
            await context.QueryAsync(sql, numbering, what, values =>
            {
                number++;
                var unit = DbValues.IsNull(values[0]) ? string.Empty : DbValues.Text(values[0]);
                if (read.UnitProblem(unit) is { } problem)
                {
                    ledger.Read();
                    ledger.Reject(read.Identity.Locate(read.Prefix, null, number), problem);
                }
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var spellings = rejected.Values.SelectMany(list => list).ToList();
        var first = true;
        for (var start = 0; first || start < spellings.Count; start += UnitsPerLocatingQuery)
        {
            var parameters = new SqlParameters(context.Database.Dialect);
            var period = read.PeriodPredicate(parameters);
            var conditions = new List<string>();
            if (first && rejectsNull)
            {
                conditions.Add($"{read.Unit} IS NULL");
            }

            var chunk = spellings.Skip(start).Take(UnitsPerLocatingQuery).ToList();
            if (chunk.Count > 0)
            {
                conditions.Add($"{read.Unit} IN ({string.Join(", ", chunk.Select(raw => RecordSetRead.Parameter(parameters, raw)))})");
            }

            first = false;
            if (conditions.Count == 0)
            {
                continue;
            }

            var sql = $"SELECT {read.Identity.Sql}, {read.Unit} FROM {read.Table} WHERE {period} AND ({string.Join(" OR ", conditions)}) ORDER BY {read.Identity.OrderSql}";
            await context.QueryAsync(sql, parameters, what, values =>
            {
                var unit = DbValues.IsNull(values[1]) ? string.Empty : DbValues.Text(values[1]);
                ledger.Read();
                ledger.Reject(read.Identity.Locate(read.Prefix, values[0], 0), read.UnitProblem(unit) ?? $"unit '{unit}' is not used.");
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
