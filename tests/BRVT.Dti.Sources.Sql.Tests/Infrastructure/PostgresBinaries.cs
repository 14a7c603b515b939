namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>Finds the PostgreSQL server binaries: Debian's /usr/lib/postgresql/&lt;version&gt;/bin, else initdb on PATH.</summary>
public static class PostgresBinaries
{
    private static readonly Lazy<(string? Directory, string? Problem)> Found = new(Find);

    /// <summary>The folder holding initdb and pg_ctl, or <see langword="null"/>.</summary>
    public static string? Directory => Found.Value.Directory;

    /// <summary>Why the PostgreSQL tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? Unavailable => Found.Value.Problem;

    /// <summary>Whether this process runs as root (initdb refuses root, so the cluster then runs as the postgres user).</summary>
    public static bool RunningAsRoot => Environment.UserName == "root";

    private static (string?, string?) Find()
    {
        const string Install = "Install Debian's postgresql package (apt-get install -y postgresql); .ci/run does so on CI.";
        var candidates = new List<string>();
        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (directory is null)
        {
            return (null, $"PostgreSQL tests SKIPPED: the PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH. {Install}");
        }

        if (RunningAsRoot)
        {
            if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
            {
                return (null, $"PostgreSQL tests SKIPPED: running as root, and initdb refuses root, but there is no 'postgres' user to run the cluster as. {Install}");
            }

            if (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser") && !File.Exists("/usr/bin/runuser"))
            {
                return (null, "PostgreSQL tests SKIPPED: running as root without runuser to start the cluster as the postgres user.");
            }
        }

        return (directory, null);
    }
}
