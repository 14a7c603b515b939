using System.CommandLine;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Ranking;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// <c>dti merge</c>: the value of a unit formed by merging others (e.g. Long Điền and Đất Đỏ into Long Đất, 2024), as
/// the plain mean of the members' main-indicator values, and the ranking with the merged unit in place of its members.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var members = new Argument<string[]>("members") { Description = "The ids of the units merged (two or more).", Arity = new ArgumentArity(2, 100) };
        var into = new Option<string>("--into") { Description = "The merged unit's id.", Required = true };
        var name = new Option<string?>("--name") { Description = "The merged unit's name (Vietnamese)." };
        var workspace = WorkspaceOptions.Workspace();
        var period = new Option<string?>("--period", "-p") { Description = "The period. Default: the workspace's period." };
        var quiet = WorkspaceOptions.Quiet();
        var command = new Command("merge", "Compute a merged unit as the plain mean of its members' main-indicator values, and rank it in their place.")
        {
            members, into, name, workspace, period, quiet,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(parse.GetValue(members)!, parse.GetValue(into)!, parse.GetValue(name), parse.GetValue(workspace)!, parse.GetValue(period), parse.GetValue(quiet), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] memberIds, string into, string? name, string workspaceDirectory, string? period, bool quiet, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(workspaceDirectory, progress, cancellationToken).ConfigureAwait(false);
        var unknown = memberIds.Where(id => !session.Workspace.Units.Any(u => u.Id == id)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"error: {string.Join(", ", unknown)} not in {session.Workspace.Settings.Units}. Give the ids of the units merged.");
            return ExitCodes.UserError;
        }

        if (memberIds.Distinct(StringComparer.Ordinal).Count() != memberIds.Length)
        {
            Console.Error.WriteLine("error: a member is named twice. Name each merged unit once.");
            return ExitCodes.UserError;
        }

        var outcome = await session.AssessAsync(period ?? session.Workspace.Settings.Period, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
        var index = outcome.Indices.FirstOrDefault(i => memberIds.All(id => i.Index.Units.Any(u => u.Id == id)));
        if (index is null)
        {
            Console.Error.WriteLine("error: the members are not all assessed by one index (they are of different kinds). Merge units of the same kind.");
            return ExitCodes.UserError;
        }

        var result = index.Result;
        var members = memberIds.Select(id => result.Units.Single(u => u.Unit.Id == id)).ToList();
        var first = members[0].Unit;
        var merged = UnitMerger.Merge(result, members, first with { Id = into, Name = new LocalizedText(name ?? into) });
        var definition = index.Index.Plan.Definition;
        var decimals = definition.Scale.Decimals;

        var table = new Table().Title(CommandRunner.Escape($"{merged.Unit.Name.Vi} = trung bình của / mean of {string.Join(", ", members.Select(m => m.Unit.Name.Vi))}"))
            .AddColumn("Chỉ số thành phần / main indicator");
        foreach (var member in members)
        {
            table.AddColumn(CommandRunner.Escape(member.Unit.Name.Vi));
        }

        table.AddColumns("Trung bình / mean", "Điểm / points");
        foreach (var indicator in merged.Indicators)
        {
            var row = new List<string> { CommandRunner.Escape(indicator.Node.Code + " " + indicator.Node.Name.Vi) };
            row.AddRange(indicator.MemberValues.Select(v => RankCommand.Format(v, decimals)));
            row.Add(indicator.Complete ? RankCommand.Format(indicator.Mean, decimals) : "[yellow]incomplete[/]");
            row.Add(RankCommand.Format(indicator.Points, 2) + " / " + RankCommand.Format(indicator.Node.MaxPoints, 0));
            table.AddRow(row.ToArray());
        }

        var total = new List<string> { "[bold]Tổng / total[/]" };
        total.AddRange(members.Select(m => RankCommand.Format(m.Total.Value, decimals)));
        total.Add("[bold]" + RankCommand.Format(merged.Value, decimals) + "[/]");
        total.Add(RankCommand.Format(merged.Points, 2) + " / " + RankCommand.Format(merged.MaxPoints, 0));
        table.AddRow(total.ToArray());
        AnsiConsole.Write(table);
        if (!merged.Complete)
        {
            AnsiConsole.MarkupLine("[yellow]A member has no value for an indicator: the merged value is incomplete and is not ranked.[/]");
        }

        PrintRanking(result, members, merged, definition);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The ranking of the merged unit's group with the merged unit in place of its members, by what the index ranks
    /// by (<c>ranking.by</c>): the total, a view, or a main indicator, which the merger recomputes; a node below the
    /// main indicators it does not compute, so then no ranking is shown, and the message says why.
    /// </summary>
    private static void PrintRanking(Results.AssessmentResult result, IReadOnlyList<Results.UnitResult> members, MergedUnit merged, IndexDefinition definition)
    {
        if (BasisOf(result, merged, definition.Ranking.By) is not { } basis)
        {
            AnsiConsole.MarkupLine(CommandRunner.Escape($"The index ranks by node '{definition.Ranking.By}', below the main indicators; a merger recomputes only the main indicators, the views and the total, so no ranking after the merger is shown."));
            return;
        }

        var group = merged.Unit.Group;
        var others = result.Units.Where(u => u.Unit.Group == group && !members.Contains(u)).ToList();
        var ids = others.Select(u => u.Unit.Id).Append(merged.Unit.Id).ToList();
        var names = others.Select(u => u.Unit.Name.Vi).Append(merged.Unit.Name.Vi).ToList();
        var values = others.Select(basis.Of).Append(basis.Merged).ToList();
        var ranks = CompetitionRanking.Rank(values, new int[values.Count], ids, definition.Scale.Decimals, definition.Ranking.TieTolerance);
        var table = new Table().Title(CommandRunner.Escape($"Xếp hạng sau sáp nhập / ranking after the merger ({basis.Label})")).AddColumns("Hạng", "Đơn vị", "Chỉ số");
        foreach (var i in Enumerable.Range(0, ids.Count).OrderBy(i => ranks[i] ?? int.MaxValue).ThenBy(i => ids[i], StringComparer.Ordinal))
        {
            var label = CommandRunner.Escape(names[i]);
            table.AddRow(
                ranks[i]?.ToString(CultureInfo.InvariantCulture) ?? "—",
                ids[i] == merged.Unit.Id ? "[bold]" + label + "[/]" : label,
                RankCommand.Format(values[i], definition.Scale.Decimals));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>What units are ranked by, as the engine reads <c>ranking.by</c>: "total", else a view's id, else a node's.</summary>
    private static RankingBasis? BasisOf(Results.AssessmentResult result, MergedUnit merged, string by)
    {
        if (by == "total")
        {
            return new RankingBasis("tổng / total", u => u.Total.Value, merged.Complete ? merged.Value : double.NaN);
        }

        var view = result.Views.Select((v, i) => (v, i)).FirstOrDefault(x => x.v.Id == by);
        if (view.v is not null)
        {
            return new RankingBasis($"{view.v.Name.Vi} ({by})", u => u.Views[view.i].Value, merged.Views[view.i].Value);
        }

        var node = result.Nodes.Select((n, i) => (n, i)).FirstOrDefault(x => x.n.Id == by);
        var indicator = merged.Indicators.FirstOrDefault(i => i.Node.Id == by);
        return node.n is not null && indicator is not null
            ? new RankingBasis($"{node.n.Code} {node.n.Name.Vi}", u => u.Nodes[node.i].Value, indicator.Mean)
            : null;
    }

    private sealed record RankingBasis(string Label, Func<Results.UnitResult, double> Of, double Merged);
}
