using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;
using BRVT.Dti.Sources.Csv.Sources;

namespace BRVT.Dti.Sources.Csv;

/// <summary>
/// Creates <c>csv-long</c> sources: CSV files with one row per unit, period, measure and value (columns named in
/// <c>"mapping"</c>: <c>unit</c>, <c>period</c>, <c>measure</c>, <c>value</c>, optionally <c>stage</c>).
/// See the plugin's README for every setting.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CsvLongSourceFactory : IDataSourceFactory
{
    /// <summary>The source type, as written in <c>"type"</c>.</summary>
    public const string TypeName = "csv-long";

    /// <inheritdoc />
    public string Type => TypeName;

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is missing, unknown or wrong; every problem is listed with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new CsvLongSource(LongSettings.Read(configuration));
    }
}
