using BRVT.Dti.Plugins;

namespace BRVT.Dti.Sources.Sql;

/// <summary>The plugin entry point of the SQL sources: registers them as <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> does.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class SqlSourcesPlugin : IDtiPlugin
{
    /// <inheritdoc />
    public string Name => "BRVT.Dti.Sources.Sql";

    /// <inheritdoc />
    public void Register(IDtiBuilder builder) => builder.AddSqlSources();
}
