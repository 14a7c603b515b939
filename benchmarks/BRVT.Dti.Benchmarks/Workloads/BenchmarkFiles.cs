namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// Generated input files live in the temp folder (never in the repository), one per workload, size and seed; a file is
/// written once (to a temporary name, then moved into place) and reused by later runs.
/// </summary>
public static class BenchmarkFiles
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "brvt-dti-benchmarks")).FullName;

    public static string Ensure(string name, Action<string> write)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            var partial = path + $".{Environment.ProcessId}.partial";
            write(partial);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }
}
