using System.Data.Common;
using System.Text.Json;
using BRVT.Dti.Data;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>
/// A real database of one engine that a test fills with writable connections: a SQLite or DuckDB file in a temp
/// workspace, or a fresh database of the throwaway PostgreSQL cluster. Column types are written portably
/// (<see cref="Text"/>, <see cref="Integer"/>, <see cref="Double"/>) so that one test body serves every engine.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder workspace = new();
    private readonly string? connectionString;

    private TestDatabase(string engine, string? connectionString)
    {
        Engine = engine;
        this.connectionString = connectionString;
    }

    public string Engine { get; }

    public string Workspace => workspace.Path;

    public string FileName => Engine == "sqlite" ? "data/tthc.db" : "data/tthc.duckdb";

    public string Text => Engine == "duckdb" ? "VARCHAR" : "TEXT";

    /// <summary>The connection string of the PostgreSQL database (empty for the embedded engines).</summary>
    public string ConnectionString => connectionString ?? string.Empty;

    public string Integer => "INTEGER";

    public string Double => Engine switch { "sqlite" => "REAL", "duckdb" => "DOUBLE", _ => "double precision" };

    public static TestDatabase Sqlite() => new("sqlite", null);

    public static TestDatabase DuckDb() => new("duckdb", null);

    public static TestDatabase Postgres(PostgresCluster cluster) => new("postgres", cluster.ConnectionString(cluster.CreateDatabase()));

    public static TestDatabase Create(string engine, PostgresCluster? cluster) => engine switch
    {
        "sqlite" => Sqlite(),
        "duckdb" => DuckDb(),
        "postgres" => Postgres(cluster ?? throw new ArgumentNullException(nameof(cluster))),
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>Opens a writable connection (the sources themselves open read-only).</summary>
    public DbConnection Open()
    {
        DbConnection connection = Engine switch
        {
            "sqlite" => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FullPath(), Pooling = false }.ToString()),
            "duckdb" => new DuckDBConnection($"Data Source={FullPath()}"),
            _ => new NpgsqlConnection(connectionString),
        };
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Inserts rows with parameters, in one transaction.</summary>
    public void Insert(string table, IEnumerable<object?[]> rows)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = new DbParameter[row.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i] = command.CreateParameter();
                    parameters[i].ParameterName = $"p{i}";
                    command.Parameters.Add(parameters[i]);
                }

                var marker = Engine == "duckdb" ? "$" : "@";
                command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Range(0, row.Length).Select(i => $"{marker}p{i}"))})";
            }

            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The source object for sources.json: name, type, where the database is, and the given settings (JSON members).</summary>
    public string SourceJson(string members, string name = "db") => Engine switch
    {
        "postgres" => $$"""{ "name": "{{name}}", "type": "postgres", "connectionString": {{JsonSerializer.Serialize(connectionString)}}, {{members}} }""",
        _ => $$"""{ "name": "{{name}}", "type": "{{Engine}}", "path": "{{FileName}}", {{members}} }""",
    };

    /// <summary>Creates the source through its factory, as the catalog would.</summary>
    public IDataSource CreateSource(string members, string name = "db", Microsoft.Extensions.Logging.ILoggerFactory? log = null)
    {
        IDataSourceFactory factory = (Engine, log) switch
        {
            ("sqlite", null) => new SqliteSourceFactory(),
            ("sqlite", _) => new SqliteSourceFactory(log),
            ("duckdb", null) => new DuckDbSourceFactory(),
            ("duckdb", _) => new DuckDbSourceFactory(log),
            (_, null) => new PostgresSourceFactory(),
            _ => new PostgresSourceFactory(log),
        };
        using var document = JsonDocument.Parse(SourceJson(members, name));
        return factory.Create(new DataSourceConfiguration
        {
            Name = name,
            Type = Engine,
            Settings = document.RootElement.Clone(),
            BaseDirectory = Workspace,
            ConfigurationFile = "sources.json",
            Pointer = "/sources/0",
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        workspace.Dispose();
    }

    private string FullPath()
    {
        var path = Path.Combine(Workspace, FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
