using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace BRVT.Dti.Fuzz.Tests.Support.Sql;

/// <summary>Writes a case's database file (tables, rows, views) with writable connections of the engine's own provider.</summary>
internal static class SqlFuzzDatabase
{
    /// <summary>Writes one database file holding the tables and views of every case (their names end with each case's suffix).</summary>
    public static void Write(IReadOnlyList<SqlFuzzCase> cases, string path)
    {
        if (cases[0].Engine != SqlEngine.Postgres)
        {
            Delete(path);
        }

        using var connection = Open(cases[0].Engine, path);
        if (cases[0].Engine == SqlEngine.Sqlite)
        {
            // Test data: no journal, no waiting for the disk.
            Execute(connection, null, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
        }
        else if (cases[0].Engine == SqlEngine.DuckDb)
        {
            // A checkpoint of a hundred small tables takes half a second; the write-ahead log is read back just as well.
            Execute(connection, null, "PRAGMA disable_checkpoint_on_shutdown");
        }

        using (var transaction = connection.BeginTransaction())
        {
            foreach (var fuzz in cases)
            {
                Create(connection, transaction, fuzz, fuzz.Observations);
                Create(connection, transaction, fuzz, fuzz.Records);
                if (fuzz.ObservationsThroughView || fuzz.ObservationsTwice)
                {
                    Execute(connection, transaction, $"CREATE VIEW {Quote(fuzz.ObservationView)} AS SELECT * FROM {Quote(fuzz.ObservationTable)}");
                }

                if (fuzz.RecordsThroughView)
                {
                    Execute(connection, transaction, $"CREATE VIEW {Quote(fuzz.RecordView)} AS SELECT * FROM {Quote(fuzz.RecordTable)}");
                }
            }

            transaction.Commit();
        }

    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + ".wal", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A writable connection (the sources themselves open read-only); for PostgreSQL, <paramref name="path"/> is the connection string.</summary>
    public static DbConnection Open(SqlEngine engine, string path)
    {
        DbConnection connection = engine switch
        {
            SqlEngine.Sqlite => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()),
            SqlEngine.DuckDb => new DuckDBConnection($"Data Source={path}"),
            _ => new Npgsql.NpgsqlConnection(path),
        };
        connection.Open();
        return connection;
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Create(DbConnection connection, DbTransaction transaction, SqlFuzzCase fuzz, FuzzTable table)
    {
        var columns = table.Columns.Select((c, i) => $"{Quote(c)} {(fuzz.Engine == SqlEngine.Postgres ? PostgresType(table.Types[i]) : table.Types[i])}".TrimEnd());
        var key = table.WithoutRowidKey is { } k ? $", PRIMARY KEY ({Quote(k)})" : string.Empty;
        Execute(connection, transaction, $"CREATE TABLE {Quote(table.Name)} ({string.Join(", ", columns)}{key}){(table.WithoutRowidKey is null ? string.Empty : " WITHOUT ROWID")}");
        if (table.Rows.Count == 0)
        {
            return;
        }

        if (connection is DuckDBConnection duck)
        {
            Append(duck, table);
            return;
        }

        // Many rows per statement.
        var marker = fuzz.Engine == SqlEngine.DuckDb ? "$" : "@";
        foreach (var chunk in table.Rows.Chunk(100))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var tuples = new List<string>(chunk.Length);
            foreach (var row in chunk)
            {
                var markers = new List<string>(row.Length);
                foreach (var value in row)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"p{command.Parameters.Count}";
                    // SQLite stores NaN as NULL, and its provider refuses to bind NaN.
                    parameter.Value = value is null || (fuzz.Engine == SqlEngine.Sqlite && value is double.NaN) ? DBNull.Value : value;
                    command.Parameters.Add(parameter);
                    markers.Add(marker + parameter.ParameterName);
                }

                tuples.Add($"({string.Join(", ", markers)})");
            }

            command.CommandText = $"INSERT INTO {Quote(table.Name)} VALUES {string.Join(", ", tuples)}";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The PostgreSQL type of a column the generator typed with DuckDB's names.</summary>
    private static string PostgresType(string type) => type switch
    {
        "VARCHAR" => "text",
        "INTEGER" => "integer",
        "BIGINT" => "bigint",
        "DOUBLE" => "double precision",
        "FLOAT" => "real",
        "DECIMAL(18,3)" => "numeric(18,3)",
        "BOOLEAN" => "boolean",
        "HUGEINT" => "numeric(40,0)",
        "DATE" => "date",
        _ => throw new InvalidOperationException($"no PostgreSQL type for {type}"),
    };

    /// <summary>DuckDB: rows through its appender (an INSERT statement costs about a millisecond), each value as its column's type.</summary>
    private static void Append(DuckDBConnection connection, FuzzTable table)
    {
        using var appender = connection.CreateAppender(table.Name);
        foreach (var values in table.Rows)
        {
            var row = appender.CreateRow();
            for (var i = 0; i < values.Length; i++)
            {
                row = values[i] switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    long n when table.Types[i] == "INTEGER" => row.AppendValue((int)n),
                    long n => row.AppendValue(n),
                    double d => row.AppendValue(d),
                    float f => row.AppendValue(f),
                    decimal m => row.AppendValue(m),
                    bool b => row.AppendValue(b),
                    System.Numerics.BigInteger big => row.AppendValue(big),
                    DateTime date => row.AppendValue(DateOnly.FromDateTime(date)),
                    var other => throw new InvalidOperationException($"no DuckDB value for {other.GetType()}"),
                };
            }

            row.EndRow();
        }
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
