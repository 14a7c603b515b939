using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Writes the sample's per-dossier records into a SQLite file, table <c>ho_so</c>, the way the province's
/// administrative-procedure system would export them: one row per dossier, flags as 0/1.
/// </summary>
internal static class SampleDossierDatabase
{
    public const string Table = "ho_so";

    /// <summary>Creates the file (replacing any old one) and writes the dossiers, checking the token every 4,096 rows; returns how many rows were written.</summary>
    public static long Write(string path, IEnumerable<SampleDossier> dossiers, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        Execute(connection, $"""
            CREATE TABLE {Table} (
                id INTEGER PRIMARY KEY,
                unit_id TEXT NOT NULL,
                period TEXT NOT NULL,
                procedure_code TEXT NOT NULL,
                received_on TEXT NOT NULL,
                online INTEGER NOT NULL,
                resolved INTEGER NOT NULL,
                on_time INTEGER NOT NULL,
                evaluated INTEGER NOT NULL,
                satisfied INTEGER NOT NULL
            )
            """);
        // The index is made first and kept up row by row: built at the end it took a quarter of a second that could
        // not be cancelled.
        Execute(connection, $"CREATE INDEX ix_{Table}_period_unit ON {Table} (period, unit_id)");
        long rows = 0;
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {Table} (unit_id, period, procedure_code, received_on, online, resolved, on_time, evaluated, satisfied) VALUES ($u, $p, $c, $r, $o, $s, $t, $e, $h)";
            var parameters = new[] { "$u", "$p", "$c", "$r", "$o", "$s", "$t", "$e", "$h" }
                .Select((name, i) => insert.Parameters.Add(name, i < 4 ? SqliteType.Text : SqliteType.Integer))
                .ToArray();
            insert.Prepare();
            foreach (var dossier in dossiers)
            {
                if ((rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                parameters[0].Value = dossier.UnitId;
                parameters[1].Value = dossier.Period;
                parameters[2].Value = dossier.Procedure;
                parameters[3].Value = dossier.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                parameters[4].Value = dossier.Online ? 1 : 0;
                parameters[5].Value = dossier.Resolved ? 1 : 0;
                parameters[6].Value = dossier.OnTime ? 1 : 0;
                parameters[7].Value = dossier.Evaluated ? 1 : 0;
                parameters[8].Value = dossier.Satisfied ? 1 : 0;
                insert.ExecuteNonQuery();
                rows++;
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
