using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// The <c>workspace.json</c> of a workspace folder: what is assessed (one or more index definitions), for which
/// period (and the previous one, for year-over-year), over which units, from which data sources. Paths are relative
/// to the workspace folder and may not leave it.
/// </summary>
internal sealed record WorkspaceSettings
{
    /// <summary>The file the settings were read from.</summary>
    public required string File { get; init; }

    /// <summary>The workspace's title.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The units file (CSV: id, name, name_en, kind, group, parent).</summary>
    public required string Units { get; init; }

    /// <summary>The period assessed.</summary>
    public required string Period { get; init; }

    /// <summary>The period compared against, when there is one.</summary>
    public string? PreviousPeriod { get; init; }

    /// <summary>The indices assessed, each over the units of its unit kinds.</summary>
    public required IReadOnlyList<WorkspaceAssessment> Assessments { get; init; }

    /// <summary>Period → its sources file (<c>sources.json</c> format).</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>The report formats <c>dti rank</c> writes by default.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>The sample data generator that makes this workspace's data files when they are missing, if any.</summary>
    public string? Sample { get; init; }

    /// <summary>The most units the units file may list (<c>"limits": { "maxUnits": … }</c>); also the engine's <see cref="DtiLimits.MaxUnits"/>.</summary>
    public int MaxUnits { get; init; } = DtiLimits.Default.MaxUnits;
}

/// <summary>One index assessed in a workspace.</summary>
/// <param name="Id">A short id, used in report file names.</param>
/// <param name="Definition">The index definition file.</param>
/// <param name="Pointer">The JSON pointer of the entry in workspace.json, for messages.</param>
internal sealed record WorkspaceAssessment(string Id, string Definition, string Pointer);
