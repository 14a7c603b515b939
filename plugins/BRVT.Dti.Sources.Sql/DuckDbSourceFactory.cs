using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>duckdb</c> sources: a DuckDB database file inside the workspace (<c>"path"</c>), opened read-only.
/// See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class DuckDbSourceFactory : IDataSourceFactory
{
    private readonly ILoggerFactory? loggerFactory;

    /// <summary>Creates the factory without logging.</summary>
    public DuckDbSourceFactory()
    {
    }

    /// <summary>Creates the factory; sources log which of their measures they compute in the database and which row by row.</summary>
    /// <param name="loggerFactory">Creates the sources' loggers.</param>
    public DuckDbSourceFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public string Type => "duckdb";

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is wrong or the path leaves the workspace; the message lists every problem with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (settings, file) = SqlSettingsReader.Read(configuration, ["path"], (root, problem) => FileSetting.Read(configuration, root, problem));
        var connectionString = new DuckDBConnectionStringBuilder
        {
            DataSource = file.FullPath,
            AccessMode = DuckDBAccessMode.ReadOnly,
        }.ToString();
        var database = new SqlDatabase(DuckDbDialect.Instance, $"duckdb:{file.Display}", file.FullPath, file.Display, () => new DuckDBConnection(connectionString));
        return new SqlDataSource(settings, database, loggerFactory);
    }
}
