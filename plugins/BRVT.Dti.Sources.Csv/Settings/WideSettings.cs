using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>
/// The settings of a <c>csv-wide</c> source: one row per unit (and period), one column per measure. <see cref="Measures"/>
/// maps columns to measure ids; <see langword="null"/> reads every column that is not a key column nor ignored, its
/// header being the measure id.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record WideSettings(CsvFileSettings File, IReadOnlyList<KeyValuePair<string, string>>? Measures, IReadOnlyList<string> IgnoreColumns)
{
    private static readonly Dictionary<string, string?> Roles = new(StringComparer.Ordinal)
    {
        ["unit"] = "unit",
        ["period"] = "period",
        ["stage"] = null,
    };

    public static WideSettings Read(DataSourceConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var file = CsvFileSettings.Read(reader, Roles);
        List<KeyValuePair<string, string>>? measures = null;
        var raw = reader.Raw("measures");
        if (raw is { ValueKind: System.Text.Json.JsonValueKind.String } all && all.GetString() == "all")
        {
            measures = null;
        }
        else if (raw is not null)
        {
            var map = reader.Map("measures");
            if (map is not null)
            {
                measures = [.. map.Select(p => new KeyValuePair<string, string>(TextKey.Normalize(p.Key), p.Value.Trim()))];
                if (measures.Count == 0)
                {
                    reader.Problem(reader.Pointer("measures"), "Map at least one column to a measure id, or write \"all\" (every column that is not a key column).");
                }
            }
        }

        var ignore = reader.Strings("ignoreColumns")?.Select(TextKey.Normalize).ToArray() ?? [];
        if (measures is not null && ignore.Length > 0)
        {
            reader.Problem(reader.Pointer("ignoreColumns"), "\"ignoreColumns\" applies only when every column is read; with a \"measures\" mapping, columns not mapped are not read anyway. Remove it.");
        }

        reader.ThrowIfProblems();
        return new WideSettings(file, measures, ignore);
    }
}
