using System.CommandLine;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Results;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti explain UNIT</c>: every point of one unit, down to each observation and its source row.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var unit = new Argument<string>("unit") { Description = "The id of the unit to explain (as in the units file)." };
        var workspace = WorkspaceOptions.Workspace();
        var period = new Option<string?>("--period", "-p") { Description = "The period to explain. Default: the workspace's period." };
        var quiet = WorkspaceOptions.Quiet();
        var command = new Command("explain", "Explain every point of one unit: the rule, the inputs and the source row of each observation.") { unit, workspace, period, quiet };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(parse.GetValue(unit)!, parse.GetValue(workspace)!, parse.GetValue(period), parse.GetValue(quiet), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string unitId, string workspaceDirectory, string? period, bool quiet, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(workspaceDirectory, progress, cancellationToken).ConfigureAwait(false);
        var known = session.Workspace.Units;
        if (!known.Any(u => u.Id == unitId))
        {
            var close = known.Select(u => u.Id).Where(id => id.Contains(unitId, StringComparison.OrdinalIgnoreCase) || unitId.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            var hint = close.Count > 0 ? $"Did you mean: {string.Join(", ", close)}?" : $"Units include: {string.Join(", ", known.Take(8).Select(u => u.Id))}.";
            Console.Error.WriteLine($"error: unit '{unitId}' is not in {session.Workspace.Settings.Units}. {hint}");
            return ExitCodes.UserError;
        }

        var outcome = await session.AssessAsync(period ?? session.Workspace.Settings.Period, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
        var index = outcome.Indices.FirstOrDefault(i => i.Index.Units.Any(u => u.Id == unitId));
        if (index is null)
        {
            Console.Error.WriteLine($"error: unit '{unitId}' is not assessed by any index of the workspace (its kind matches none of their unit kinds).");
            return ExitCodes.UserError;
        }

        var explanation = index.Index.Plan.Explain(index.Data, index.Result, unitId);
        var decimals = index.Index.Plan.Definition.Scale.Decimals;
        AnsiConsole.MarkupLine($"[grey]{CommandRunner.Escape(index.Index.Plan.Definition.Title.Vi)} — {CommandRunner.Escape(outcome.Period)}[/]");
        var tree = new Tree($"[bold]{CommandRunner.Escape(explanation.Unit.Name.Vi)}[/] — {Describe(explanation.Root.Score, decimals)}"
            + (explanation.Rank is { } rank ? $", hạng {rank.ToString(CultureInfo.InvariantCulture)}" : string.Empty));
        foreach (var child in explanation.Root.Children)
        {
            Add(tree.AddNode(Label(child, decimals)), child, decimals);
        }

        AnsiConsole.Write(tree);
        return ExitCodes.Ok;
    }

    private static void Add(TreeNode parent, NodeExplanation node, int decimals)
    {
        if (node.Leaf is { } leaf)
        {
            parent.AddNode(CommandRunner.Escape($"{leaf.Rule}: {leaf.Parameters}"));
            parent.AddNode(CommandRunner.Escape(leaf.Description));
            foreach (var input in leaf.Inputs)
            {
                var value = double.IsNaN(input.Value) ? "missing" : input.Value.ToString("0.####", CultureInfo.InvariantCulture);
                parent.AddNode(CommandRunner.Escape($"{input.MeasureId} = {value} ← {input.Provenance?.ToString() ?? "no observation"}"));
            }

            return;
        }

        foreach (var child in node.Children)
        {
            Add(parent.AddNode(Label(child, decimals)), child, decimals);
        }
    }

    private static string Label(NodeExplanation node, int decimals) =>
        $"[bold]{CommandRunner.Escape(node.Code)}[/] {CommandRunner.Escape(node.Name.Vi)} — {Describe(node.Score, decimals)}";

    private static string Describe(NodeScore score, int decimals)
    {
        var text = $"{RankCommand.Format(score.Points, 2)} / {RankCommand.Format(score.MaxPoints, 2)} ({RankCommand.Format(score.Value, decimals)})";
        return score.Flags == ScoreFlags.None ? text : $"{text} [yellow]{CommandRunner.Escape(score.Flags.ToString())}[/]";
    }
}
