using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests of one collection: initdb into a temp folder, started with pg_ctl on
/// 127.0.0.1 and a free port (trust authentication, a private socket folder, no fsync), stopped and removed on
/// disposal. As root, the binaries run as the postgres user (initdb refuses root). Where the server programs are
/// missing, creating the fixture fails with a message saying how to install them, so every PostgreSQL test fails
/// with it rather than passing or skipping silently. One role, <see cref="ReaderRole"/>, must log in with a password
/// (SCRAM), for the tests of <c>passwordEnv</c>.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string root;
    private readonly string data;
    private int databases;

    public PostgresCluster()
    {
        if (PostgresBinaries.Unavailable is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var clock = Stopwatch.StartNew();
        root = Path.Combine(Path.GetTempPath(), "dti-pg-" + Guid.NewGuid().ToString("N")[..12]);
        data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sockets");
        Directory.CreateDirectory(sockets);
        if (PostgresBinaries.RunningAsRoot)
        {
            Run("/bin/chown", ["-R", "postgres", root], asPostgres: false);
        }

        Run(Binary("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);
        InitDbTime = clock.Elapsed;

        // The reader role logs in with a password; everyone else is trusted (the lines are read top down).
        var hba = Path.Combine(data, "pg_hba.conf");
        File.WriteAllText(hba, $"host all {ReaderRole} 127.0.0.1/32 scram-sha-256\n" + File.ReadAllText(hba));
        Port = FreePort();
        Run(Binary("pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
             $"-c listen_addresses=127.0.0.1 -p {Port} -k {sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"],
            asPostgres: true);
        StartupTime = clock.Elapsed;
        Execute("postgres", $"CREATE ROLE {ReaderRole} LOGIN PASSWORD '{ReaderPassword}'");
    }

    /// <summary>A role that must log in with <see cref="ReaderPassword"/>.</summary>
    public const string ReaderRole = "dti_reader";

    /// <summary>The password of <see cref="ReaderRole"/>.</summary>
    public const string ReaderPassword = "s3cret-Mật-khẩu";

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>How long initdb took.</summary>
    public TimeSpan InitDbTime { get; }

    /// <summary>How long initdb and the server's start took together.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>A connection string to a database of the cluster.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = false }.ConnectionString;

    /// <summary>Creates a fresh, empty database and returns its name.</summary>
    public string CreateDatabase()
    {
        var name = $"dti_test_{Interlocked.Increment(ref databases)}";
        Execute("postgres", $"CREATE DATABASE {name}");
        Execute(name, $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ReaderRole}; ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {ReaderRole}");
        return name;
    }

    private void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Run(Binary("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Binary(string name) => Path.Combine(PostgresBinaries.Directory!, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && PostgresBinaries.RunningAsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && PostgresBinaries.RunningAsRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish in 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL cluster";
}
