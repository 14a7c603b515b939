using BRVT.Dti.Validation;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// Loads a workspace folder: reads <c>workspace.json</c>, the units file and every index definition, and compiles
/// each definition. Definition problems are all reported at once with file, line, column and JSON pointer.
/// </summary>
internal static class WorkspaceLoader
{
    public const string SettingsFile = "workspace.json";

    /// <summary>Finds and reads the workspace.json of a workspace folder.</summary>
    public static WorkspaceSettings ReadSettings(string directory)
    {
        var root = Path.GetFullPath(directory);
        var file = Path.Combine(root, SettingsFile);
        if (!File.Exists(file))
        {
            throw new WorkspaceException(Directory.Exists(root)
                ? $"{file}: not found. A workspace is a folder with a workspace.json; create one with `dti init <folder>`."
                : $"{root}: no such folder. Give the workspace folder with --workspace, or create one with `dti init <folder>`.");
        }

        return WorkspaceSettingsReader.Read(file);
    }

    /// <summary>Loads the workspace of <paramref name="settings"/> with an engine whose limits follow them.</summary>
    public static async Task<Workspace> LoadAsync(WorkspaceSettings settings, DtiEngine engine, CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(settings.File)!;
        var unitsPath = Inside(root, settings.Units, "/units");
        var (units, account) = UnitsFile.Read(unitsPath, settings.Units, settings.MaxUnits);
        var indices = new List<WorkspaceIndex>();
        var warnings = new List<DefinitionProblem>();
        var errors = new List<string>();
        foreach (var assessment in settings.Assessments)
        {
            var path = Inside(root, assessment.Definition, assessment.Pointer + "/definition");
            var loaded = await engine.LoadDefinitionFileAsync(path, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(loaded.Problems.Where(p => p.Severity == ProblemSeverity.Warning));
            if (!loaded.Succeeded)
            {
                errors.AddRange(loaded.Errors.Select(e => e.ToString()));
                continue;
            }

            var plan = loaded.Plan!;
            var kinds = plan.Definition.UnitKinds;
            var assessed = units.Where(u => kinds.Count == 0 || kinds.Contains(u.Kind, StringComparer.Ordinal)).ToList();
            if (assessed.Count == 0)
            {
                errors.Add($"{SettingsFile} at {assessment.Pointer}: no unit of {settings.Units} has a kind the index assesses ({string.Join(", ", kinds)}). Check the \"kind\" column.");
                continue;
            }

            indices.Add(new WorkspaceIndex(assessment, path, plan, assessed));
        }

        if (errors.Count > 0)
        {
            throw new WorkspaceException($"{errors.Count} problem(s) in the index definitions:{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
        }

        return new Workspace(root, settings, units, account, indices, warnings);
    }

    /// <summary>Resolves a path of workspace.json and refuses one that leaves the workspace folder or does not exist.</summary>
    public static string Inside(string root, string relative, string pointer, bool mustExist = true)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new WorkspaceException($"{SettingsFile} at {pointer}: the path '{relative}' leads outside the workspace folder {root}. Keep every file inside the workspace.");
        }

        if (mustExist && !File.Exists(full))
        {
            throw new WorkspaceException($"{SettingsFile} at {pointer}: the file '{relative}' does not exist ({full}). Correct the path.");
        }

        return full;
    }
}
