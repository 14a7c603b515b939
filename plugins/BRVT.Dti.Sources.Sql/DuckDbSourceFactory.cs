using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using DuckDB.NET.Data;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>duckdb</c> sources: a DuckDB database file inside the workspace (<c>"path"</c>), opened read-only.
/// See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class DuckDbSourceFactory : IDataSourceFactory
{
    /// <inheritdoc />
    public string Type => "duckdb";

    /// <inheritdoc />
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
        return new SqlDataSource(settings, database);
    }
}
