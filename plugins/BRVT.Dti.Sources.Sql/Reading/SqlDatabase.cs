using System.Data.Common;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>Where a SQL source's database is and how to open it, read-only where the engine allows.</summary>
/// <remarks>Immutable and thread-safe; every read opens its own connection.</remarks>
/// <param name="Dialect">The engine's dialect.</param>
/// <param name="Label">How provenance names the database, without secrets: <c>sqlite:data/x.db</c>, <c>postgres:host:5432/db</c>.</param>
/// <param name="File">The database file that must exist (SQLite, DuckDB), or <see langword="null"/>.</param>
/// <param name="DisplayFile">The file as written in the settings, for messages.</param>
/// <param name="CreateConnection">Creates an unopened connection.</param>
internal sealed record SqlDatabase(SqlDialect Dialect, string Label, string? File, string? DisplayFile, Func<DbConnection> CreateConnection)
{
    /// <summary>Opens a connection.</summary>
    /// <param name="source">The source's name, for messages.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    /// <exception cref="DataSourceException">The database cannot be opened.</exception>
    public async Task<DbConnection> OpenAsync(string source, CancellationToken cancellationToken)
    {
        if (File is not null && !System.IO.File.Exists(File))
        {
            throw new DataSourceException(source, $"the database file '{DisplayFile}' does not exist ({File}). Check \"path\" in the source's settings.", null);
        }

        DbConnection? connection = null;
        try
        {
            connection = CreateConnection();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception) when (IsDatabaseFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new DataSourceException(source, $"could not open the {Dialect.Name} database {Label}: {exception.Message} Check that the database exists, is reachable and that the settings name it correctly.", exception);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Creates a command with its parameters and timeout.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">The parameters, or <see langword="null"/>.</param>
    /// <param name="timeoutSeconds">The command timeout.</param>
    /// <returns>The command; the caller disposes it.</returns>
    public DbCommand Command(DbConnection connection, string sql, SqlParameters? parameters, int timeoutSeconds)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        parameters?.AddTo(command);
        return command;
    }

    /// <summary>Whether an exception is the database's (or its driver's) failure rather than a defect of this code.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for provider, network, timeout and native-library failures.</returns>
    public static bool IsDatabaseFailure(Exception exception) =>
        exception is DbException or TimeoutException or IOException or System.Net.Sockets.SocketException
            or DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException
            or InvalidOperationException or NotSupportedException or InvalidCastException or OverflowException or ArgumentException;
}
