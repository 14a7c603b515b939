using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>The <c>"path"</c> of an embedded database file, resolved inside the workspace.</summary>
/// <param name="FullPath">The full path.</param>
/// <param name="Display">The path as written, with forward slashes, for provenance and messages.</param>
internal sealed record FileSetting(string FullPath, string Display)
{
    /// <summary>Reads <c>"path"</c>.</summary>
    /// <param name="configuration">The source's configuration.</param>
    /// <param name="root">The source object.</param>
    /// <param name="problem">Reports a problem: setting name and message.</param>
    /// <returns>The file, or a placeholder when a problem was reported.</returns>
    /// <exception cref="DataSourceConfigurationException">The path leaves the workspace.</exception>
    public static FileSetting Read(DataSourceConfiguration configuration, JsonElement root, Action<string, string> problem)
    {
        var path = SqlSettingsReader.OptionalString(root, "path", problem);
        if (path is null)
        {
            if (!root.TryGetProperty("path", out _))
            {
                problem("path", "\"path\" is missing: give the database file, relative to the workspace folder (e.g. \"data/tthc.db\").");
            }

            return new FileSetting(string.Empty, string.Empty);
        }

        return new FileSetting(configuration.ResolvePath(path, "path"), path.Replace('\\', '/'));
    }
}
