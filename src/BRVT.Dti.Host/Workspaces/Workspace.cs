using BRVT.Dti.Data;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>A loaded workspace: its definition file, period, units, observations and what was rejected on the way.</summary>
internal sealed record Workspace(
    string Directory,
    string DefinitionPath,
    string Period,
    IReadOnlyList<UnitInfo> Units,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<RejectedRow> Rejected,
    long RowsRead);
