using System.CommandLine;
using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Running;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// <c>dti compare</c>: two periods side by side — each unit's rank and value then and now, and the change of every
/// node, printed and written to <c>compare-&lt;index&gt;.csv</c>.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOptions.Workspace();
        var output = WorkspaceOptions.Output();
        var quiet = WorkspaceOptions.Quiet();
        var from = new Option<string?>("--from") { Description = "The earlier period. Default: the workspace's previousPeriod." };
        var to = new Option<string?>("--to") { Description = "The later period. Default: the workspace's period." };
        var unit = new Option<string?>("--unit", "-u") { Description = "Show the change of every node for this unit." };
        var command = new Command("compare", "Compare two periods: score and rank change per unit and per node.") { workspace, from, to, unit, output, quiet };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(parse.GetValue(workspace)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(unit), parse.GetValue(output)!, parse.GetValue(quiet), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string workspaceDirectory, string? from, string? to, string? unitId, string outputDirectory, bool quiet, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(workspaceDirectory, progress, cancellationToken).ConfigureAwait(false);
        var settings = session.Workspace.Settings;
        to ??= settings.Period;
        from ??= settings.PreviousPeriod;
        if (from is null)
        {
            Console.Error.WriteLine("error: the workspace has no previousPeriod; say which periods to compare with --from and --to.");
            return ExitCodes.UserError;
        }

        var before = await session.AssessAsync(from, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
        var after = await session.AssessAsync(to, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
        var files = new List<string>();
        foreach (var now in after.Indices)
        {
            var then = before.Find(now.Index.Id)!;
            var changes = PeriodComparison.Compare(then.Result, now.Result, cancellationToken);
            Print(now, changes, from, to);
            if (unitId is not null && changes.FirstOrDefault(c => c.Unit.Id == unitId) is { } change)
            {
                PrintNodes(now, change, from, to);
            }

            var path = Path.Combine(outputDirectory, $"compare-{now.Index.Id}-{from}-{to}.csv");
            await ReportFiles.WriteTextAsync(path, Csv(now, changes, from, to), cancellationToken).ConfigureAwait(false);
            files.Add(Path.GetFullPath(path));
        }

        if (unitId is not null && !session.Workspace.Units.Any(u => u.Id == unitId))
        {
            Console.Error.WriteLine($"error: unit '{unitId}' is not in {settings.Units}.");
            return ExitCodes.UserError;
        }

        foreach (var file in files)
        {
            AnsiConsole.MarkupLine($"  {CommandRunner.Escape(file)}");
        }

        return ExitCodes.Ok;
    }

    private static void Print(IndexOutcome outcome, IReadOnlyList<UnitChange> changes, string from, string to)
    {
        var decimals = outcome.Index.Plan.Definition.Scale.Decimals;
        var table = new Table().Title(CommandRunner.Escape(outcome.Index.Plan.Definition.Title.Vi))
            .AddColumns("Đơn vị", $"Hạng {from}", $"Hạng {to}", "±", $"Chỉ số {from}", $"Chỉ số {to}", "Δ");
        foreach (var change in changes)
        {
            table.AddRow(
                CommandRunner.Escape(change.Unit.Name.Vi),
                change.RankBefore?.ToString(CultureInfo.InvariantCulture) ?? "—",
                change.RankAfter?.ToString(CultureInfo.InvariantCulture) ?? "—",
                Movement(change.RankChange),
                RankCommand.Format(change.ValueBefore, decimals),
                RankCommand.Format(change.ValueAfter, decimals),
                Signed(change.ValueAfter - change.ValueBefore, decimals));
        }

        AnsiConsole.Write(table);
    }

    private static void PrintNodes(IndexOutcome outcome, UnitChange change, string from, string to)
    {
        var decimals = outcome.Index.Plan.Definition.Scale.Decimals;
        var table = new Table().Title(CommandRunner.Escape(change.Unit.Name.Vi)).AddColumns("Chỉ tiêu", $"{from}", $"{to}", "Δ");
        foreach (var node in change.Nodes)
        {
            table.AddRow(
                CommandRunner.Escape(new string(' ', 2 * node.Node.Depth) + node.Node.Code + " " + node.Node.Name.Vi),
                RankCommand.Format(node.Before, decimals),
                RankCommand.Format(node.After, decimals),
                Signed(node.After - node.Before, decimals));
        }

        AnsiConsole.Write(table);
    }

    private static string Movement(int? change) => change switch
    {
        null => "—",
        0 => "=",
        > 0 => "[green]▲" + change.Value.ToString(CultureInfo.InvariantCulture) + "[/]",
        _ => "[red]▼" + (-change.Value).ToString(CultureInfo.InvariantCulture) + "[/]",
    };

    private static string Signed(double value, int decimals) =>
        double.IsFinite(value) ? (value >= 0 ? "+" : string.Empty) + RankCommand.Format(value, decimals) : "—";

    private static string Csv(IndexOutcome outcome, IReadOnlyList<UnitChange> changes, string from, string to)
    {
        var builder = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"unit,name,node,code,rank_{from},rank_{to},rank_change,value_{from},value_{to},change\n"));
        foreach (var change in changes)
        {
            foreach (var node in change.Nodes)
            {
                var root = node.Node.Depth == 0;
                builder.Append(Commands.Csv.Quote(change.Unit.Id)).Append(',').Append(Commands.Csv.Quote(change.Unit.Name.Vi)).Append(',')
                    .Append(Commands.Csv.Quote(node.Node.Id)).Append(',').Append(Commands.Csv.Quote(node.Node.Code)).Append(',')
                    .Append(root ? change.RankBefore?.ToString(CultureInfo.InvariantCulture) : null).Append(',')
                    .Append(root ? change.RankAfter?.ToString(CultureInfo.InvariantCulture) : null).Append(',')
                    .Append(root ? change.RankChange?.ToString(CultureInfo.InvariantCulture) : null).Append(',')
                    .Append(Number(node.Before)).Append(',').Append(Number(node.After)).Append(',').Append(Number(node.After - node.Before)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
