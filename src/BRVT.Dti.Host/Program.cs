using System.CommandLine;
using BRVT.Dti.Host.Commands;
using Spectre.Console;

// Redirected output (a file, a pipe, a test) gets wide tables instead of names wrapped at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
}

var root = new RootCommand("dti — computes, ranks and explains the Digital Transformation Index (Chỉ số chuyển đổi số) of a workspace. With no workspace given, commands use the bundled Bà Rịa - Vũng Tàu sample.")
{
    RankCommand.Create(),
    ValidateCommand.Create(),
    ExplainCommand.Create(),
    CompareCommand.Create(),
    MergeCommand.Create(),
    SensitivityCommand.Create(),
    InitCommand.Create(),
    SchemaCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
