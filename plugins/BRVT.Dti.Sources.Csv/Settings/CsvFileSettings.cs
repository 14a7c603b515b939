using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>The settings every CSV source shares: the file, how it is written, where rejects go, how units are named.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record CsvFileSettings
{
    private static readonly string[] StageValues = [Stages.SelfAssessed, Stages.Verified];

    public required string SourceName { get; init; }

    public required string ConfigurationFile { get; init; }

    public required string Pointer { get; init; }

    public required string FullPath { get; init; }

    /// <summary>The path relative to the workspace, with '/', as locations show it.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>The delimiter, or <see langword="null"/> to detect it from the header line.</summary>
    public char? Delimiter { get; init; }

    public bool DecimalComma { get; init; }

    public string? RejectsFullPath { get; init; }

    public string? RejectsDisplayPath { get; init; }

    /// <summary>The stage of values whose row gives none (or of every value when there is no stage column).</summary>
    public string? Stage { get; init; }

    public UnitMatch UnitMatch { get; init; }

    /// <summary>The longest record (and header line) read, in characters without the line ending (setting <c>"maxRowChars"</c>).</summary>
    public int MaxRowChars { get; init; } = CsvTable.DefaultMaxRowChars;

    /// <summary>The period of every row when the file has no period column.</summary>
    public string? FixedPeriod { get; init; }

    /// <summary>The column of each role (<c>unit</c>, <c>period</c>…), as configured or by default; names are normalised.</summary>
    public required IReadOnlyDictionary<string, string> Columns { get; init; }

    /// <summary>Whether the role's column was written in the settings (rather than taken by default).</summary>
    public required IReadOnlySet<string> ExplicitColumns { get; init; }

    /// <summary>The JSON pointer of a role's column setting.</summary>
    public string ColumnPointer(string role) =>
        ExplicitColumns.Contains(role) ? $"{Pointer}/mapping/{role}" : $"{Pointer}/mapping";

    /// <summary>
    /// Reads the shared settings. <paramref name="roles"/> are the column roles this source type knows, with their
    /// default column names (<see langword="null"/>: no default, optional).
    /// </summary>
    public static CsvFileSettings Read(SettingsReader reader, IReadOnlyDictionary<string, string?> roles)
    {
        var configuration = reader.Configuration;
        var path = reader.String("path", required: true, hint: "the CSV file, relative to the folder of the configuration file");
        string? fullPath = null;
        if (path is not null)
        {
            try
            {
                fullPath = configuration.ResolvePath(path, "path");
            }
            catch (DataSourceConfigurationException exception)
            {
                reader.Problem(exception.Pointer, StripLocation(exception));
            }
        }

        char? delimiter = null;
        var delimiterText = reader.String("delimiter", allowWhiteSpace: true);
        if (delimiterText is not null)
        {
            switch (delimiterText)
            {
                case ",": delimiter = ','; break;
                case ";": delimiter = ';'; break;
                case "\t" or "tab" or "\\t": delimiter = '\t'; break;
                case "auto": break;
                default:
                    reader.Problem(reader.Pointer("delimiter"), $"Unknown delimiter '{delimiterText}'. Use \",\", \";\", \"tab\" or \"auto\" (detect from the header line, the default).");
                    break;
            }
        }

        var decimalComma = reader.Boolean("decimalComma", false);
        if (decimalComma && delimiter == ',')
        {
            reader.Problem(reader.Pointer("decimalComma"), "A file whose numbers use decimal commas cannot use ',' as its delimiter. Use \";\" or tab.");
        }

        string? rejectsFull = null;
        var rejects = reader.String("rejectsFile");
        if (rejects is not null)
        {
            try
            {
                rejectsFull = configuration.ResolvePath(rejects, "rejectsFile");
                if (fullPath is not null && string.Equals(rejectsFull, fullPath, StringComparison.Ordinal))
                {
                    reader.Problem(reader.Pointer("rejectsFile"), "The rejects file would overwrite the data file. Give another path.");
                }
            }
            catch (DataSourceConfigurationException exception)
            {
                reader.Problem(exception.Pointer, StripLocation(exception));
            }
        }

        string? stage = null;
        var stageText = reader.String("stage");
        if (stageText is not null)
        {
            stage = Stages.Parse(stageText);
            if (stage is null)
            {
                reader.Problem(reader.Pointer("stage"), $"Unknown stage '{stageText}'. Use one of: {string.Join(", ", StageValues)}.");
            }
        }

        var unitMatch = UnitMatch.Id;
        var unitMatchText = reader.String("unitMatch");
        if (unitMatchText is not null)
        {
            switch (unitMatchText)
            {
                case "id": break;
                case "name": unitMatch = UnitMatch.Name; break;
                default:
                    reader.Problem(reader.Pointer("unitMatch"), $"Unknown unitMatch '{unitMatchText}'. Use \"id\" (the unit column holds unit ids, the default) or \"name\" (it holds the units' names).");
                    break;
            }
        }

        var maxRowChars = reader.Integer("maxRowChars", CsvTable.DefaultMaxRowChars, CsvTable.MinRowChars, CsvTable.MaxRowCharsCeiling,
            "the longest row (record) of the file, in characters without its line ending; a longer row is rejected with its line.");
        var fixedPeriod = reader.String("period");
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var explicitColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, column) in reader.Map("mapping", [.. roles.Keys]) ?? [])
        {
            columns[role] = TextKey.Normalize(column);
            explicitColumns.Add(role);
        }

        var periodMapped = explicitColumns.Contains("period") || explicitColumns.Contains("date");
        if (fixedPeriod is not null && periodMapped)
        {
            reader.Problem(reader.Pointer("period"), "Give either \"period\" (every row is of that period) or a period/date column in \"mapping\", not both.");
        }

        foreach (var (role, defaultColumn) in roles)
        {
            if (columns.ContainsKey(role) || defaultColumn is null)
            {
                continue;
            }

            if (role == "period" && (fixedPeriod is not null || periodMapped))
            {
                continue;
            }

            columns[role] = defaultColumn;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, column) in columns)
        {
            if (seen.TryGetValue(column, out var other))
            {
                reader.Problem(reader.Pointer("mapping"), $"The column '{column}' is mapped to both \"{other}\" and \"{role}\". Map each role to its own column.");
            }
            else
            {
                seen[column] = role;
            }
        }

        return new CsvFileSettings
        {
            SourceName = configuration.Name,
            ConfigurationFile = configuration.ConfigurationFile,
            Pointer = configuration.Pointer,
            FullPath = fullPath ?? string.Empty,
            DisplayPath = fullPath is null ? path ?? string.Empty : Display(configuration.BaseDirectory, fullPath),
            Delimiter = delimiter,
            DecimalComma = decimalComma,
            RejectsFullPath = rejectsFull,
            RejectsDisplayPath = rejectsFull is null ? null : Display(configuration.BaseDirectory, rejectsFull),
            Stage = stage,
            UnitMatch = unitMatch,
            MaxRowChars = maxRowChars,
            FixedPeriod = fixedPeriod?.Trim(),
            Columns = columns,
            ExplicitColumns = explicitColumns,
        };
    }

    private static string Display(string baseDirectory, string fullPath) =>
        Path.GetRelativePath(Path.GetFullPath(baseDirectory), fullPath).Replace('\\', '/');

    private static string StripLocation(DataSourceConfigurationException exception)
    {
        var prefix = $"{exception.File} at {exception.Pointer}: ";
        return exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
    }
}
