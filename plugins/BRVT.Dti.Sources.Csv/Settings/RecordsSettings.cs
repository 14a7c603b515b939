using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>
/// The settings of a <c>csv-records</c> source: raw records (e.g. one row per dossier) of the record set
/// <see cref="RecordSet"/>, aggregated into the measures whose derivation names it. <see cref="Fields"/> maps columns
/// to field names (a column not mapped is the field of its own name).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record RecordsSettings(CsvFileSettings File, string RecordSet, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<string>? DateFormats)
{
    private static readonly Dictionary<string, string?> Roles = new(StringComparer.Ordinal)
    {
        ["unit"] = "unit",
        ["period"] = "period",
        ["date"] = null,
        ["id"] = null,
    };

    public static RecordsSettings Read(DataSourceConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var file = CsvFileSettings.Read(reader, Roles);
        var recordSet = reader.String("records") ?? configuration.Name;
        var fields = reader.Map("fields")?.Select(p => new KeyValuePair<string, string>(TextKey.Normalize(p.Key), p.Value.Trim())).ToArray() ?? [];
        var dateFormats = reader.Strings("dateFormat");
        if (file.ExplicitColumns.Contains("period") && file.ExplicitColumns.Contains("date"))
        {
            reader.Problem(reader.Pointer("mapping"), "Map either a \"period\" column or a \"date\" column, not both.");
        }

        if (dateFormats is not null && !file.Columns.ContainsKey("date"))
        {
            reader.Problem(reader.Pointer("dateFormat"), "\"dateFormat\" applies to the date column: map one in \"mapping\" (\"date\": \"…\") or remove \"dateFormat\".");
        }

        foreach (var group in fields.GroupBy(f => f.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reader.Problem(reader.Pointer("fields"), $"The field '{group.Key}' is mapped from several columns ({string.Join(", ", group.Select(f => f.Key))}). Map one column to each field.");
        }

        reader.ThrowIfProblems();
        return new RecordsSettings(file, recordSet, fields, dateFormats);
    }
}
