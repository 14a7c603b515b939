using System.Data.Common;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>What the readers of one read share: the database, its open connection, the settings, the request and the ledger.</summary>
/// <param name="Database">The database.</param>
/// <param name="Connection">The open connection.</param>
/// <param name="Settings">The source's settings.</param>
/// <param name="Request">The request.</param>
/// <param name="Ledger">The account being kept.</param>
internal sealed record SqlReadContext(SqlDatabase Database, DbConnection Connection, SqlSourceSettings Settings, SourceReadRequest Request, ReadLedger Ledger)
{
    /// <summary>Runs a query and hands each row's values to <paramref name="row"/>, turning database failures into a <see cref="DataSourceException"/>.</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">The parameters, or <see langword="null"/>.</param>
    /// <param name="what">What the query reads, for messages (e.g. <c>table ho_so</c>).</param>
    /// <param name="row">Receives each row's values (the array is reused) and the reader.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>A task that completes when every row has been handed over.</returns>
    /// <exception cref="DataSourceException">The query failed.</exception>
    public async Task QueryAsync(string sql, SqlParameters? parameters, string what, Action<object[], DbDataReader> row, CancellationToken cancellationToken)
    {
        try
        {
            var command = Database.Command(Connection, sql, parameters, Settings.CommandTimeoutSeconds);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        reader.GetValues(values);
                        row(values, reader);
                    }
                }
            }
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DataSourceException(Settings.Name,
                $"reading {what} of {Database.Label} failed: {exception.Message} Check that the table and the columns named in the settings exist and hold the expected types. The query was: {sql}",
                exception);
        }
    }

    /// <summary>The types of a query's columns, read without reading any row; empty for engines whose columns hold any type.</summary>
    /// <param name="sql">A query that returns no rows.</param>
    /// <param name="what">What the query reads, for messages.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>One type per column.</returns>
    /// <exception cref="DataSourceException">The query failed (a table or column is missing).</exception>
    public async Task<IReadOnlyList<Type>> ColumnTypesAsync(string sql, string what, CancellationToken cancellationToken)
    {
        try
        {
            var command = Database.Command(Connection, sql, null, Settings.CommandTimeoutSeconds);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!Database.Dialect.HasStaticTypes)
                    {
                        return [];
                    }

                    return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType)];
                }
            }
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DataSourceException(Settings.Name,
                $"{what} of {Database.Label} cannot be read: {exception.Message} Check that the table and every column named in the settings exist (names are case-sensitive). The query was: {sql}",
                exception);
        }
    }
}
