namespace BRVT.Dti.Data;

/// <summary>Creates data sources of one type from their configuration. Plugins register one per source type.</summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IDataSourceFactory
{
    /// <summary>The source type this factory creates, as written in <c>"type"</c>.</summary>
    string Type { get; }

    /// <summary>Reads and checks a source's settings and creates the source. Does not open files or connections yet.</summary>
    /// <param name="configuration">The source's configuration.</param>
    /// <returns>The source.</returns>
    /// <exception cref="DataSourceConfigurationException">A setting is missing or wrong; the exception names its JSON pointer.</exception>
    IDataSource Create(DataSourceConfiguration configuration);
}
