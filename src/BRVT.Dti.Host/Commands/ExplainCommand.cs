using System.CommandLine;
using System.Globalization;
using BRVT.Dti.Results;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti explain UNIT</c>: every point of one unit, down to each observation and its source row.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var unit = new Argument<string>("unit") { Description = "The id of the unit to explain." };
        var workspace = WorkspaceOptions.Workspace();
        var command = new Command("explain", "Explain every point of one unit: the rule, the inputs and the source row of each observation.") { unit, workspace };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(token => RunAsync(parse.GetValue(unit)!, parse.GetValue(workspace)!, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string unitId, string workspaceDirectory, CancellationToken cancellationToken)
    {
        var assessment = await Assessment.RunAsync(workspaceDirectory, cancellationToken).ConfigureAwait(false);
        if (!assessment.Data.Units.Any(u => u.Id == unitId))
        {
            var known = string.Join(", ", assessment.Data.Units.Take(10).Select(u => u.Id));
            Console.Error.WriteLine($"error: unit '{unitId}' is not in the workspace. Known units include: {known}.");
            return ExitCodes.UserError;
        }

        var explanation = assessment.Plan.Explain(assessment.Data, assessment.Result, unitId);
        var decimals = assessment.Plan.Definition.Scale.Decimals;
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
