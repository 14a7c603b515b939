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
        Delete(path);
        using var connection = Open(cases[0].Engine, path);
        foreach (var fuzz in cases)
        {
            Create(connection, fuzz, fuzz.Observations);
            Create(connection, fuzz, fuzz.Records);
            Execute(connection, $"CREATE VIEW {Quote(fuzz.ObservationView)} AS SELECT * FROM {Quote(fuzz.ObservationTable)}");
            Execute(connection, $"CREATE VIEW {Quote(fuzz.RecordView)} AS SELECT * FROM {Quote(fuzz.RecordTable)}");
        }

        if (cases[0].Engine == SqlEngine.DuckDb)
        {
            // Nothing may stay in the write-ahead log: the source opens the file read-only.
            Execute(connection, "CHECKPOINT");
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

    /// <summary>A writable connection (the sources themselves open read-only).</summary>
    public static DbConnection Open(SqlEngine engine, string path)
    {
        DbConnection connection = engine == SqlEngine.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            : new DuckDBConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Create(DbConnection connection, SqlFuzzCase fuzz, FuzzTable table)
    {
        var columns = table.Columns.Select((c, i) => $"{Quote(c)} {table.Types[i]}".TrimEnd());
        var key = table.WithoutRowidKey is { } k ? $", PRIMARY KEY ({Quote(k)})" : string.Empty;
        Execute(connection, $"CREATE TABLE {Quote(table.Name)} ({string.Join(", ", columns)}{key}){(table.WithoutRowidKey is null ? string.Empty : " WITHOUT ROWID")}");
        if (table.Rows.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var marker = fuzz.Engine == SqlEngine.DuckDb ? "$" : "@";
        var parameters = new DbParameter[table.Columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"p{i}";
            command.Parameters.Add(parameters[i]);
        }

        command.CommandText = $"INSERT INTO {Quote(table.Name)} VALUES ({string.Join(", ", Enumerable.Range(0, parameters.Length).Select(i => $"{marker}p{i}"))})";
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                // SQLite stores NaN as NULL, and its provider refuses to bind NaN.
                parameters[i].Value = row[i] is null || (fuzz.Engine == SqlEngine.Sqlite && row[i] is double.NaN) ? DBNull.Value : row[i];
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
