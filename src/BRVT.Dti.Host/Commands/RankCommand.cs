using System.CommandLine;
using System.Globalization;
using System.Text;
using BRVT.Dti.Results;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti rank</c>: scores and ranks every unit of a workspace, prints the ranking and writes the reports.</summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOptions.Workspace();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder the reports are written to.",
            DefaultValueFactory = _ => "dti-out",
        };
        var command = new Command("rank", "Score, rank and classify every unit of a workspace, print the ranking and write results.json and ranking.csv.")
        {
            workspace,
            output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(parse.GetValue(workspace)!, parse.GetValue(output)!, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string workspaceDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        var assessment = await Assessment.RunAsync(workspaceDirectory, cancellationToken).ConfigureAwait(false);
        var result = assessment.Result;
        var definition = assessment.Plan.Definition;
        AnsiConsole.MarkupLine($"[bold]{CommandRunner.Escape(definition.Title.Vi)}[/] ({CommandRunner.Escape(definition.Id)} {CommandRunner.Escape(definition.Version)}), period {CommandRunner.Escape(result.Period)}");
        foreach (var group in result.Units.GroupBy(u => u.Unit.Group ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groupName = definition.Groups.FirstOrDefault(g => g.Id == group.Key)?.Name.Vi ?? "Tất cả đơn vị";
            var table = new Table().Title(CommandRunner.Escape(groupName)).AddColumns("Hạng", "Đơn vị", "Điểm", "Chỉ số", "Xếp loại");
            foreach (var unit in group.OrderBy(u => u.Rank ?? int.MaxValue).ThenBy(u => u.Unit.Id, StringComparer.Ordinal))
            {
                table.AddRow(
                    unit.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—",
                    CommandRunner.Escape(unit.Unit.Name.Vi),
                    Format(unit.Total.Points, 2) + " / " + Format(unit.Total.MaxPoints, 2),
                    Format(unit.Total.Value, definition.Scale.Decimals),
                    CommandRunner.Escape(definition.Bands.FirstOrDefault(b => b.Id == unit.Band)?.Name.Vi ?? "—"));
            }

            AnsiConsole.Write(table);
        }

        ReportIssues(assessment);
        var json = Path.Combine(outputDirectory, "results.json");
        var csv = Path.Combine(outputDirectory, "ranking.csv");
        await AtomicFile.WriteAsync(json, stream => { AssessmentResultJson.Write(result, stream); return Task.CompletedTask; }, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAsync(csv, stream => stream.WriteAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RankingCsv.Write(result))).ToArray(), cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        AnsiConsole.MarkupLine($"Reports: [link]{CommandRunner.Escape(Path.GetFullPath(json))}[/], [link]{CommandRunner.Escape(Path.GetFullPath(csv))}[/]");
        return ExitCodes.Ok;
    }

    private static void ReportIssues(Assessment assessment)
    {
        var workspace = assessment.Workspace;
        AnsiConsole.MarkupLine($"Rows read: {workspace.RowsRead}, rejected: {workspace.Rejected.Count}; observations used: {assessment.Data.ObservationCount}; data issues: {assessment.Data.Issues.Count}.");
        foreach (var row in workspace.Rejected)
        {
            AnsiConsole.MarkupLine($"[yellow]rejected[/] {CommandRunner.Escape(row.Location)}: {CommandRunner.Escape(row.Reason)}");
        }

        foreach (var issue in assessment.Data.Issues)
        {
            var where = issue.Provenance is { } p ? $" ({p.Location})" : string.Empty;
            AnsiConsole.MarkupLine($"[yellow]{CommandRunner.Escape(issue.Code)}[/]{CommandRunner.Escape(where)}: {CommandRunner.Escape(issue.Message)}");
        }
    }

    internal static string Format(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";
}
