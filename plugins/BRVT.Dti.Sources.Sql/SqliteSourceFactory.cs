using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using Microsoft.Data.Sqlite;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>sqlite</c> sources: a SQLite database file inside the workspace (<c>"path"</c>), opened read-only.
/// See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class SqliteSourceFactory : IDataSourceFactory
{
    /// <inheritdoc />
    public string Type => "sqlite";

    /// <inheritdoc />
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
        return new SqlDataSource(settings, database);
    }
}
