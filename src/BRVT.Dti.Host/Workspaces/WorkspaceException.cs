namespace BRVT.Dti.Host.Workspaces;

/// <summary>A mistake in a workspace the user can fix; its message says where and how. Exit code 1.</summary>
internal sealed class WorkspaceException(string message) : Exception(message);
