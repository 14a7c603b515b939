using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>The settings of a <c>csv-long</c> source: one row per unit, period, measure and value.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record LongSettings(CsvFileSettings File)
{
    private static readonly Dictionary<string, string?> Roles = new(StringComparer.Ordinal)
    {
        ["unit"] = "unit",
        ["period"] = "period",
        ["measure"] = "measure",
        ["value"] = "value",
        ["stage"] = null,
    };

    public static LongSettings Read(DataSourceConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var file = CsvFileSettings.Read(reader, Roles);
        reader.ThrowIfProblems();
        return new LongSettings(file);
    }
}
