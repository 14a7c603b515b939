using BRVT.Dti.Data;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>A loaded workspace: its settings, its units and each assessed index compiled to a plan.</summary>
/// <param name="Root">The workspace folder, full path.</param>
/// <param name="Settings">The settings of workspace.json.</param>
/// <param name="Units">Every unit of the units file that was accepted.</param>
/// <param name="UnitsAccount">What happened to every row of the units file.</param>
/// <param name="Assessments">The indices assessed, in workspace.json order.</param>
/// <param name="Warnings">Warnings raised while loading the definitions.</param>
internal sealed record Workspace(
    string Root,
    WorkspaceSettings Settings,
    IReadOnlyList<UnitInfo> Units,
    SourceAccount UnitsAccount,
    IReadOnlyList<WorkspaceIndex> Assessments,
    IReadOnlyList<DefinitionProblem> Warnings)
{
    /// <summary>The path of a workspace file as shown to the user: relative, with forward slashes.</summary>
    public string Display(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}

/// <summary>One index of a workspace: its compiled plan and the units it assesses (those of its unit kinds).</summary>
internal sealed record WorkspaceIndex(WorkspaceAssessment Settings, string DefinitionPath, ScoringPlan Plan, IReadOnlyList<UnitInfo> Units)
{
    public string Id => Settings.Id;
}
