using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// Reads a workspace's units file (CSV with a header: <c>id, name, name_en, kind, group, parent</c>). Every row is
/// accepted or rejected with its line and reason: empty required cells, a repeated id, a parent that is not a unit.
/// A file listing more units than the workspace's <c>"limits": { "maxUnits": … }</c> is refused at the first row over
/// the limit, before the rest is read.
/// </summary>
internal static class UnitsFile
{
    private static readonly string[] Required = ["id", "name", "kind"];

    public static (IReadOnlyList<UnitInfo> Units, SourceAccount Account) Read(string path, string displayName, int maxUnits)
    {
        var units = new List<UnitInfo>();
        var rejected = new List<RejectedRow>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        string[]? header = null;
        long read = 0;
        try
        {
            foreach (var (line, fields) in CsvTable.Read(path))
            {
                if (header is null)
                {
                    header = fields.Select(f => f.Trim()).ToArray();
                    var missing = Required.Where(c => Array.IndexOf(header, c) < 0).ToList();
                    if (missing.Count > 0)
                    {
                        throw new WorkspaceException($"{displayName}:1: the header lacks the column(s) {string.Join(", ", missing)}. It must name id, name and kind, and may name name_en, group and parent; found: {string.Join(", ", header)}.");
                    }

                    continue;
                }

                if (++read > maxUnits)
                {
                    throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture,
                        $"{displayName}:{line}: the file lists more than {maxUnits} units, the limit (workspace.json \"limits\": {{ \"maxUnits\": {maxUnits} }}; default {DtiLimits.Default.MaxUnits}). Raise \"maxUnits\" in workspace.json, or split the units into several workspaces."));
                }

                string? Field(string name)
                {
                    var index = Array.IndexOf(header, name);
                    return index >= 0 && index < fields.Length && fields[index].Trim().Length > 0 ? fields[index].Trim().Normalize(NormalizationForm.FormC) : null;
                }

                var location = $"{displayName}:{line}";
                var id = Field("id");
                if (id is null || Field("kind") is null || Field("name") is null)
                {
                    rejected.Add(new RejectedRow(location, "A unit needs an id, a name and a kind. Fill the empty cells."));
                    continue;
                }

                if (lines.TryGetValue(id, out var first))
                {
                    rejected.Add(new RejectedRow(location, $"The unit id '{id}' is already used at line {first}. Give each unit its own id; the first row is kept."));
                    continue;
                }

                lines[id] = line;
                units.Add(new UnitInfo
                {
                    Id = id,
                    Name = new LocalizedText(Field("name")!, Field("name_en")),
                    Kind = Field("kind")!,
                    Group = Field("group"),
                    ParentId = Field("parent"),
                });
            }
        }
        catch (DecoderFallbackException)
        {
            throw new WorkspaceException($"{displayName}: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
        }
        catch (IOException exception)
        {
            throw new WorkspaceException($"{displayName}: cannot be read ({exception.Message}).");
        }

        if (header is null)
        {
            throw new WorkspaceException($"{displayName}: the file is empty. Write a header (id,name,name_en,kind,group,parent) and one row per unit.");
        }

        // A parent must be a unit of the file; otherwise the unit is kept but its parent is reported and dropped.
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].ParentId is { } parent && !lines.ContainsKey(parent))
            {
                rejected.Add(new RejectedRow($"{displayName}:{lines[units[i].Id]}", $"The parent '{parent}' of unit '{units[i].Id}' is not a unit of this file. Correct the parent id; the row was not used."));
                units.RemoveAt(i--);
            }
        }

        return (units, new SourceAccount(displayName, read, units.Count, rejected));
    }
}
