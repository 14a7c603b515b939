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
    /// <para>A source in <c>sources.json</c>:</para>
    /// <code>
    /// { "name": "tthc", "type": "sqlite", "path": "data/tthc.db",
    ///   "observations": { "table": "chi_tieu",
    ///                     "columns": { "unit": "ma_don_vi", "measure": "chi_tieu", "period": "nam", "value": "gia_tri", "stage": "giai_doan" } },
    ///   "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "agency_id", "period": "year" },
    ///                              "fields": { "online": "online", "on_time": "on_time", "days": "days" } } } }
    /// </code>
    /// <para>
    /// <c>path</c> (sqlite, duckdb) is a file inside the workspace; postgres takes <c>connectionStringEnv</c> (an
    /// environment variable holding the connection string) or <c>connectionString</c>. <c>observations</c> (an object
    /// or an array of them) are long-format tables; a column left out of <c>columns</c> has its role's name, and
    /// <c>stage</c> is optional. <c>records</c> are raw-record tables: every requested measure whose
    /// <c>derivation.records</c> names one is computed in the database, one GROUP BY query per record set, its filters
    /// translated from the formula language to SQL with numbers as parameters. <c>commandTimeoutSeconds</c> (default
    /// 300) bounds each query. Table and column names are checked and quoted (letters including Vietnamese ones,
    /// digits, <c>_</c>; a table may be <c>schema.table</c>).
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
