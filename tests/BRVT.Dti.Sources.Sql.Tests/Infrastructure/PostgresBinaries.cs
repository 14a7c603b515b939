namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>
/// Finds the PostgreSQL server binaries: Debian's /usr/lib/postgresql/&lt;version&gt;/bin (newest first), else initdb and
/// pg_ctl on PATH. Where they are missing the PostgreSQL tests fail (never skip) with <see cref="Unavailable"/>.
/// </summary>
public static class PostgresBinaries
{
    private static readonly Lazy<(string? Directory, string? Problem)> Found = new(Find);

    /// <summary>The folder holding initdb and pg_ctl, or <see langword="null"/>.</summary>
    public static string? Directory => Found.Value.Directory;

    /// <summary>Why the PostgreSQL tests cannot run here, saying how to fix it, or <see langword="null"/> when they can.</summary>
    public static string? Unavailable => Found.Value.Problem;

    /// <summary>Whether this process runs as root (initdb refuses root, so the cluster then runs as the postgres user).</summary>
    public static bool RunningAsRoot => Environment.UserName == "root";

    private static (string?, string?) Find()
    {
        const string Install = "Install the PostgreSQL server: on Debian or Ubuntu run 'apt-get install -y postgresql' (.ci/run does so on CI). The tests start their own throwaway server on 127.0.0.1; nothing needs configuring.";
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
            return (null, $"The PostgreSQL tests cannot run: the PostgreSQL server programs (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH. {Install}");
        }

        if (RunningAsRoot)
        {
            if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)))
            {
                return (null, $"The PostgreSQL tests cannot run: this process runs as root, initdb refuses root, and there is no 'postgres' user to run the server as. {Install}");
            }

            if (!new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.Any(File.Exists))
            {
                return (null, "The PostgreSQL tests cannot run: this process runs as root without runuser (util-linux) to start the server as the postgres user. Install util-linux or run the tests as another user.");
            }
        }

        return (directory, null);
    }
}
