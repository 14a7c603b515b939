using System.CommandLine;

namespace BRVT.Dti.Host.Commands;

/// <summary>The workspace argument shared by the commands that read one; it defaults to the bundled sample.</summary>
internal static class WorkspaceOptions
{
    public static string SampleWorkspace => Path.Combine(AppContext.BaseDirectory, "sample-workspace");

    public static Option<string> Workspace() => new("--workspace", "-w")
    {
        Description = "The workspace folder (with workspace.json). Default: the bundled sample workspace.",
        DefaultValueFactory = _ => SampleWorkspace,
    };
}
