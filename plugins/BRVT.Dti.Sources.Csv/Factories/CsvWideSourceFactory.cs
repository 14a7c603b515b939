using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;
using BRVT.Dti.Sources.Csv.Sources;

namespace BRVT.Dti.Sources.Csv;

/// <summary>
/// Creates <c>csv-wide</c> sources: CSV files with one row per unit (and period) and one column per measure, mapped
/// in <c>"measures"</c> (<c>{ "column": "measure id" }</c>) or, by default, every column that is not a key column,
/// its header being the measure id. See the plugin's README for every setting.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CsvWideSourceFactory : IDataSourceFactory
{
    /// <summary>The source type, as written in <c>"type"</c>.</summary>
    public const string TypeName = "csv-wide";

    /// <inheritdoc />
    public string Type => TypeName;

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is missing, unknown or wrong; every problem is listed with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new CsvWideSource(WideSettings.Read(configuration));
    }
}
