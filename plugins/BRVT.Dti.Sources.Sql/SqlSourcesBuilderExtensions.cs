using BRVT.Dti.Plugins;
using BRVT.Dti.Sources.Sql;

namespace BRVT.Dti;

/// <summary>Registers the SQL data sources: <c>sqlite</c>, <c>postgres</c> and <c>duckdb</c>.</summary>
public static class SqlSourcesBuilderExtensions
{
    /// <summary>
    /// Adds the source types <c>sqlite</c> (<see cref="SqliteSourceFactory"/>), <c>postgres</c>
    /// (<see cref="PostgresSourceFactory"/>) and <c>duckdb</c> (<see cref="DuckDbSourceFactory"/>). Calling it again is
    /// harmless.
    /// </summary>
    /// <param name="builder">The builder <c>AddDti</c> returned.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>A source in <c>sources.json</c> (see the plugin's README for every setting):</para>
    /// <code>
    /// { "name": "tthc", "type": "sqlite", "path": "data/tthc.db",
    ///   "observations": { "table": "chi_tieu",
    ///                     "columns": { "unit": "ma_don_vi", "measure": "chi_tieu", "period": "nam", "value": "gia_tri", "stage": "giai_doan", "key": "id" } },
    ///   "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency_id", "period": "year", "key": "ma_ho_so" },
    ///                              "fields": { "online": "online", "on_time": "on_time", "days": "days" } } } }
    /// </code>
    /// <para>
    /// <c>path</c> (sqlite, duckdb) is a file inside the workspace, opened read-only; postgres takes
    /// <c>connectionString</c> without a password plus <c>passwordEnv</c> (the environment variable holding it), or
    /// <c>connectionStringEnv</c>. <c>observations</c> (an object or an array) are long-format tables; a column left
    /// out of <c>columns</c> has its role's name, <c>stage</c> and <c>key</c> are optional. <c>records</c> are
    /// raw-record tables: every requested measure whose <c>derivation.records</c> names one is computed in the
    /// database, all of them in one parameterised GROUP BY query per record set, or row by row through
    /// <see cref="Sources.RecordAggregator"/> when the database cannot (<c>"pushdown": false</c> forces it), with the
    /// same results. Table and column names are checked and quoted, never written into SQL as given.
    /// </para>
    /// <para>
    /// When an <c>ILoggerFactory</c> is registered the sources log where each record set was aggregated and why not in
    /// the database.
    /// </para>
    /// </remarks>
    public static IDtiBuilder AddSqlSources(this IDtiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddDataSourceFactory<SqliteSourceFactory>()
            .AddDataSourceFactory<PostgresSourceFactory>()
            .AddDataSourceFactory<DuckDbSourceFactory>();
    }
}
