using System.CommandLine;

namespace BRVT.Dti.Host.Commands;

/// <summary>The options shared by the commands that read a workspace; the workspace defaults to the bundled sample.</summary>
internal static class WorkspaceOptions
{
    public static string SampleWorkspace => Path.Combine(AppContext.BaseDirectory, "sample-workspace");

    public static Option<string> Workspace() => new("--workspace", "-w")
    {
        Description = "The workspace folder (with workspace.json). Default: the bundled sample workspace of Bà Rịa - Vũng Tàu.",
        DefaultValueFactory = _ => SampleWorkspace,
    };

    public static Option<string> Output() => new("--out", "-o")
    {
        Description = "The folder the reports are written to.",
        DefaultValueFactory = _ => "dti-out",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Stop at the first rejected row instead of reporting rejected rows and going on.",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print no progress, only results and errors.",
    };
}
