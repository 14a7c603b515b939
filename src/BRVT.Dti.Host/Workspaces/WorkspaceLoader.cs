using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// Loads a workspace folder: <c>workspace.json</c>, the units file and the long-format observation files
/// (<c>unit,measure,period,value[,stage]</c>). Every row read is accepted or rejected with its file:line and reason.
/// </summary>
internal static class WorkspaceLoader
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, AllowTrailingCommas = false };

    public static Workspace Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        var manifest = Path.Combine(root, "workspace.json");
        if (!File.Exists(manifest))
        {
            throw new WorkspaceException($"{manifest}: not found. A workspace is a folder with a workspace.json; create one with the definition, period, units and observations files.");
        }

        WorkspaceFile file;
        try
        {
            file = JsonSerializer.Deserialize<WorkspaceFile>(File.ReadAllText(manifest), Options)
                ?? throw new WorkspaceException($"{manifest}: the file is empty. Write an object with \"definition\", \"period\", \"units\" and \"observations\".");
        }
        catch (JsonException exception)
        {
            throw new WorkspaceException($"{manifest}({exception.LineNumber + 1},{exception.BytePositionInLine + 1}): {exception.Message}");
        }

        var rejected = new List<RejectedRow>();
        long read = 0;
        var units = ReadUnits(Inside(root, file.Units, "units"), rejected, ref read);
        var observations = new List<Observation>();
        foreach (var path in file.Observations)
        {
            ReadObservations(Inside(root, path, "observations"), observations, rejected, ref read);
        }

        return new Workspace(root, Inside(root, file.Definition, "definition"), file.Period, units, observations, rejected, read);
    }

    /// <summary>Resolves a path of the workspace and refuses one that leaves the workspace folder.</summary>
    public static string Inside(string root, string relative, string what)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new WorkspaceException($"workspace.json: the {what} path '{relative}' leads outside the workspace folder {root}. Keep every file inside the workspace.");
        }

        if (!File.Exists(full))
        {
            throw new WorkspaceException($"workspace.json: the {what} file '{relative}' does not exist ({full}). Correct the path.");
        }

        return full;
    }

    private static List<UnitInfo> ReadUnits(string path, List<RejectedRow> rejected, ref long read)
    {
        var units = new List<UnitInfo>();
        string[]? header = null;
        foreach (var (line, fields) in CsvTable.Read(path))
        {
            if (header is null)
            {
                header = fields;
                Require(path, header, "id", "name", "kind");
                continue;
            }

            read++;
            string? Field(string name)
            {
                var index = Array.IndexOf(header, name);
                return index >= 0 && index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
            }

            var id = Field("id");
            var kind = Field("kind");
            if (id is null || kind is null || Field("name") is null)
            {
                rejected.Add(new RejectedRow($"{path}:{line}", "A unit needs an id, a name and a kind. Fill the empty cells."));
                continue;
            }

            units.Add(new UnitInfo
            {
                Id = id,
                Name = new LocalizedText(Field("name")!, Field("name_en")),
                Kind = kind,
                Group = Field("group"),
                ParentId = Field("parent"),
            });
        }

        return units;
    }

    private static void ReadObservations(string path, List<Observation> observations, List<RejectedRow> rejected, ref long read)
    {
        string[]? header = null;
        var source = Path.GetFileName(path);
        foreach (var (line, fields) in CsvTable.Read(path))
        {
            if (header is null)
            {
                header = fields;
                Require(path, header, "unit", "measure", "period", "value");
                continue;
            }

            read++;
            var location = $"{source}:{line}";
            if (fields.Length != header.Length)
            {
                rejected.Add(new RejectedRow($"{path}:{line}", $"The row has {fields.Length} fields but the header has {header.Length}. Check for a missing or extra comma."));
                continue;
            }

            string Field(string name) => fields[Array.IndexOf(header, name)];
            var text = Field("value").Trim();
            var value = double.NaN;
            if (text.Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                rejected.Add(new RejectedRow($"{path}:{line}", $"The value '{text}' is not a number. Write it with a dot as the decimal separator (0.85), or leave it empty when missing."));
                continue;
            }

            var stage = Array.IndexOf(header, "stage") is var s and >= 0 && fields[s].Length > 0 ? fields[s] : null;
            observations.Add(new Observation(Field("unit"), Field("measure"), Field("period"), value, new Provenance(source, location, stage)));
        }
    }

    private static void Require(string path, string[] header, params string[] columns)
    {
        var missing = columns.Where(c => Array.IndexOf(header, c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new WorkspaceException($"{path}:1: the header lacks the column(s) {string.Join(", ", missing)}. The header must name: {string.Join(", ", columns)}.");
        }
    }
}
