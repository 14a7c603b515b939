using System.Data.Common;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Translation;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>What the readers of one read share: the database, its open connection, the settings, the request, the ledger and the log.</summary>
/// <param name="Database">The database.</param>
/// <param name="Connection">The open connection.</param>
/// <param name="Settings">The source's settings.</param>
/// <param name="Request">The request.</param>
/// <param name="Ledger">The account being kept.</param>
/// <param name="Logger">The source's log.</param>
internal sealed record SqlReadContext(SqlDatabase Database, DbConnection Connection, SqlSourceSettings Settings, SourceReadRequest Request, ReadLedger Ledger, ILogger Logger)
{
    /// <summary>Runs a query and hands each row's values to <paramref name="row"/>, turning database failures into a <see cref="DataSourceException"/>.</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">The parameters, or <see langword="null"/>.</param>
    /// <param name="what">What the query reads, for messages (e.g. <c>table ho_so</c>).</param>
    /// <param name="row">Receives each row's values (the array is reused).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>A task that completes when every row has been handed over.</returns>
    /// <exception cref="DataSourceException">The query failed.</exception>
    public async Task QueryAsync(string sql, SqlParameters? parameters, string what, Action<object[]> row, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(sql, parameters, row, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DataSourceException(Settings.Name,
                $"reading {what} of {Database.Label} failed: {exception.Message} Check that the table and the columns named in the settings exist and hold the expected types. The query was: {sql}",
                exception);
        }
    }

    /// <summary>Runs a query without turning its failure into a <see cref="DataSourceException"/> (the caller has another way).</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">The parameters, or <see langword="null"/>.</param>
    /// <param name="row">Receives each row's values (the array is reused).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>A task that completes when every row has been handed over.</returns>
    public async Task RunAsync(string sql, SqlParameters? parameters, Action<object[]> row, CancellationToken cancellationToken)
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
                    row(values);
                }
            }
        }
    }

    /// <summary>
    /// Finds how rows of a table are identified and the types of some of its columns, without reading a row: the
    /// <paramref name="key"/> column when given, else the engine's row identifier, else (a view) numbered rows.
    /// </summary>
    /// <param name="table">The quoted table.</param>
    /// <param name="key">The key column from the settings, or <see langword="null"/>.</param>
    /// <param name="columns">The quoted columns whose types are wanted.</param>
    /// <param name="what">What is read, for messages.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    /// <returns>The row identity and one type per column (empty for engines whose columns hold any type).</returns>
    /// <exception cref="DataSourceException">The table or a column does not exist.</exception>
    public async Task<(RowIdentity Identity, IReadOnlyList<Type> Types)> ProbeAsync(string table, SqlIdentifier? key, IReadOnlyList<string> columns, string what, CancellationToken cancellationToken)
    {
        var dialect = Database.Dialect;
        var identity = key is null ? new RowIdentity(dialect.RowIdentifierSql, dialect.RowIdentifierName, dialect.RowOrderSql) : new RowIdentity(dialect.Quote(key), key.Text);
        var sql = $"SELECT {identity.Sql}, {string.Join(", ", columns)} FROM {table} WHERE 1 = 0";
        try
        {
            return (identity, await TypesAsync(sql, 1, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (key is null && SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            // A view has no row identifier: number its rows instead.
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw Missing(what, sql, exception);
        }

        sql = $"SELECT {string.Join(", ", columns)} FROM {table} WHERE 1 = 0";
        try
        {
            return (RowIdentity.Numbered, await TypesAsync(sql, 0, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (SqlDatabase.IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw Missing(what, sql, exception);
        }
    }

    private DataSourceException Missing(string what, string sql, Exception exception) => new(Settings.Name,
        $"{what} of {Database.Label} cannot be read: {exception.Message} Check that the table and every column named in the settings exist (names are case-sensitive). The query was: {sql}",
        exception);

    private async Task<IReadOnlyList<Type>> TypesAsync(string sql, int skip, CancellationToken cancellationToken)
    {
        var command = Database.Command(Connection, sql, null, Settings.CommandTimeoutSeconds);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return Database.Dialect.HasStaticTypes
                    ? [.. Enumerable.Range(skip, reader.FieldCount - skip).Select(reader.GetFieldType)]
                    : [];
            }
        }
    }
}
