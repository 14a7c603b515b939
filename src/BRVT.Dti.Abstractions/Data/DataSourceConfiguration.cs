using System.Text.Json;

namespace BRVT.Dti.Data;

/// <summary>
/// One source of a workspace's <c>sources.json</c>, as its factory receives it: the name, the type and the whole
/// source object (the factory reads its own settings from it), with where it was written for error messages.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DataSourceConfiguration
{
    /// <summary>The source's name, unique in the workspace; used in provenance and accounts.</summary>
    public required string Name { get; init; }

    /// <summary>The source type, which names the factory (<c>csv</c>, <c>xlsx</c>, <c>sqlite</c>, <c>postgres</c>, <c>duckdb</c>, <c>http</c>…).</summary>
    public required string Type { get; init; }

    /// <summary>The whole source object as written, including <c>name</c> and <c>type</c>.</summary>
    public required JsonElement Settings { get; init; }

    /// <summary>The workspace folder: relative paths resolve against it and may not leave it.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The configuration file the source was read from, for messages.</summary>
    public required string ConfigurationFile { get; init; }

    /// <summary>The JSON pointer of the source object in <see cref="ConfigurationFile"/>, e.g. <c>/sources/2</c>.</summary>
    public required string Pointer { get; init; }

    /// <summary>
    /// Resolves a path written in the settings against <see cref="BaseDirectory"/>, refusing one that leaves it
    /// (<c>../</c>, an absolute path elsewhere, a link is not followed).
    /// </summary>
    /// <param name="relativePath">The path as written.</param>
    /// <param name="setting">The setting's name, for the message (e.g. <c>path</c>).</param>
    /// <returns>The full path inside the workspace.</returns>
    /// <exception cref="DataSourceConfigurationException">The path leaves the workspace or is empty.</exception>
    public string ResolvePath(string relativePath, string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            throw new DataSourceConfigurationException(ConfigurationFile, $"{Pointer}/{setting}", $"\"{setting}\" is empty. Give the path of a file inside the workspace.");
        }

        var root = Path.GetFullPath(BaseDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new DataSourceConfigurationException(ConfigurationFile, $"{Pointer}/{setting}",
                $"The path '{relativePath}' leads outside the workspace folder {root}. Keep data files inside the workspace.");
        }

        return full;
    }
}
