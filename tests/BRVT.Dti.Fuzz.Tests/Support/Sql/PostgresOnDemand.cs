using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Fuzz.Tests.Support.Sql;

/// <summary>
/// The SQL data fuzz's PostgreSQL cluster (the SQL tests' throwaway cluster on 127.0.0.1), started when a test first
/// needs it and shared by the tests of the class, stopped and removed afterwards.
/// </summary>
public sealed class PostgresOnDemand : IDisposable
{
    private readonly Lazy<PostgresCluster> cluster = new(() => new PostgresCluster());

    /// <summary>The cluster, started on first use.</summary>
    public PostgresCluster Cluster => cluster.Value;

    public void Dispose()
    {
        if (cluster.IsValueCreated)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            cluster.Value.Dispose();
        }
    }
}
