using System.CommandLine;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Validation;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// <c>dti validate</c>: checks index definition files (every problem with file, line, column and JSON pointer), or,
/// with no files, a whole workspace: its settings, units, definitions and sources, and every data row, which is
/// accepted or reported as rejected with its place and reason. Exit code 1 when anything is wrong.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Index definition files (index.json) or folders that contain them. With none, the workspace is validated.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var workspace = WorkspaceOptions.Workspace();
        var quiet = WorkspaceOptions.Quiet();
        var command = new Command("validate", "Validate index definitions, or a whole workspace (settings, units, definitions, sources and data rows); print every problem with its location.")
        {
            files,
            workspace,
            quiet,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => parse.GetValue(files) is { Length: > 0 } inputs
                ? ValidateDefinitionsAsync(inputs, token)
                : ValidateWorkspaceAsync(parse.GetValue(workspace)!, parse.GetValue(quiet), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> ValidateDefinitionsAsync(string[] inputs, CancellationToken cancellationToken)
    {
        var engine = new DtiEngine();
        var paths = inputs.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "index.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        var errors = 0;
        foreach (var path in paths)
        {
            var result = await engine.LoadDefinitionFileAsync(path, cancellationToken).ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                (problem.Severity == ProblemSeverity.Error ? Console.Error : Console.Out).WriteLine(problem);
            }

            errors += result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            Console.WriteLine(result.Succeeded
                ? $"{path}: valid ({result.Definition!.Id} {result.Definition.Version}, {result.Problems.Count} warning(s))"
                : $"{path}: {result.Errors.Count()} error(s)");
        }

        return errors == 0 ? ExitCodes.Ok : ExitCodes.UserError;
    }

    private static async Task<int> ValidateWorkspaceAsync(string directory, bool quiet, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(directory, progress, cancellationToken).ConfigureAwait(false);
        var workspace = session.Workspace;
        foreach (var warning in workspace.Warnings)
        {
            Console.WriteLine(warning);
        }

        foreach (var index in workspace.Assessments)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workspace.Display(index.DefinitionPath)}: valid ({index.Plan.Definition.Id} {index.Plan.Definition.Version}), {index.Units.Count} units"));
        }

        var rejected = workspace.UnitsAccount.Rejected.Count;
        var periods = new[] { workspace.Settings.PreviousPeriod, workspace.Settings.Period }.OfType<string>();
        foreach (var period in periods)
        {
            var outcome = await session.AssessAsync(period, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
            DataSummary.Print(workspace, outcome);
            rejected += outcome.Read.Accounts.Sum(a => a.Rejected.Count);
        }

        AnsiConsole.MarkupLine(rejected == 0
            ? "[green]The workspace is valid: every row was accepted.[/]"
            : string.Create(CultureInfo.InvariantCulture, $"[yellow]{rejected} row(s) rejected[/]: correct them (each is listed with its place and reason) and validate again."));
        return rejected == 0 ? ExitCodes.Ok : ExitCodes.UserError;
    }
}
