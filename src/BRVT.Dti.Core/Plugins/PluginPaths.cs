namespace BRVT.Dti.Plugins;

/// <summary>Real paths (every link resolved) and containment checks, so a link inside a plugin folder cannot lead outside it.</summary>
internal static class PluginPaths
{
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The full path with every symbolic link or junction along it resolved.</summary>
    /// <exception cref="IOException">A link cannot be resolved (a loop, too many links).</exception>
    public static string RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is strictly inside <paramref name="folder"/> (both real, full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, PathComparison);
    }

    /// <summary>Whether two real, full paths are the same.</summary>
    public static bool AreSame(string left, string right) =>
        string.Equals(Path.TrimEndingDirectorySeparator(left), Path.TrimEndingDirectorySeparator(right), PathComparison);

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many symbolic links while resolving {full}.");
                }

                var target = info.ResolveLinkTarget(returnFinalTarget: true)
                    ?? throw new IOException($"The link {next} cannot be resolved.");
                next = Resolve(Path.GetFullPath(target.FullName), ref links);
            }

            current = next;
        }

        return current;
    }
}
