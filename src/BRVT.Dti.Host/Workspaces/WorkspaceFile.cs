namespace BRVT.Dti.Host.Workspaces;

/// <summary>The <c>workspace.json</c> of a workspace folder; paths are relative to the folder and may not leave it.</summary>
internal sealed record WorkspaceFile
{
    public required string Definition { get; init; }

    public required string Period { get; init; }

    public required string Units { get; init; }

    public IReadOnlyList<string> Observations { get; init; } = [];
}
