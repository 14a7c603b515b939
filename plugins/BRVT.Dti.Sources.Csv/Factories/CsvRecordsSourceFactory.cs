using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;
using BRVT.Dti.Sources.Csv.Sources;

namespace BRVT.Dti.Sources.Csv;

/// <summary>
/// Creates <c>csv-records</c> sources: raw record files (e.g. one row per dossier) aggregated in one streaming pass
/// into the measures whose <c>derivation</c> names the source's record set (<c>"records"</c>, by default the source's
/// name), grouped by unit, for the period given by a period column, a date column or the source's <c>"period"</c>.
/// See the plugin's README for every setting.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CsvRecordsSourceFactory : IDataSourceFactory
{
    /// <summary>The source type, as written in <c>"type"</c>.</summary>
    public const string TypeName = "csv-records";

    /// <inheritdoc />
    public string Type => TypeName;

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is missing, unknown or wrong; every problem is listed with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new CsvRecordsSource(RecordsSettings.Read(configuration));
    }
}
