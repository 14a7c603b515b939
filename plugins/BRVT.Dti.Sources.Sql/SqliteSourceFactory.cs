using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>sqlite</c> sources: a SQLite database file inside the workspace (<c>"path"</c>), opened read-only.
/// See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class SqliteSourceFactory : IDataSourceFactory
{
    private readonly ILoggerFactory? loggerFactory;

    /// <summary>Creates the factory without logging.</summary>
    public SqliteSourceFactory()
    {
    }

    /// <summary>Creates the factory; sources log which of their measures they compute in the database and which row by row.</summary>
    /// <param name="loggerFactory">Creates the sources' loggers.</param>
    public SqliteSourceFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public string Type => "sqlite";

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is wrong or the path leaves the workspace; the message lists every problem with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (settings, file) = SqlSettingsReader.Read(configuration, ["path"], (root, problem) => FileSetting.Read(configuration, root, problem));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file.FullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        var database = new SqlDatabase(SqliteDialect.Instance, $"sqlite:{file.Display}", file.FullPath, file.Display, () => new SqliteConnection(connectionString));
        return new SqlDataSource(settings, database, loggerFactory);
    }
}
