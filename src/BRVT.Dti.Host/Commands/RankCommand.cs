using System.CommandLine;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Results;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti rank</c>: scores and ranks every unit of a workspace, prints the rankings and writes the reports.</summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOptions.Workspace();
        var output = WorkspaceOptions.Output();
        var strict = WorkspaceOptions.Strict();
        var quiet = WorkspaceOptions.Quiet();
        var command = new Command("rank", "Score, rank and classify every unit of a workspace; print the rankings and write the reports (JSON, CSV, Excel, Markdown, HTML).")
        {
            workspace,
            output,
            strict,
            quiet,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            token => RunAsync(parse.GetValue(workspace)!, parse.GetValue(output)!, parse.GetValue(strict), parse.GetValue(quiet), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string workspaceDirectory, string outputDirectory, bool strict, bool quiet, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(workspaceDirectory, progress, cancellationToken).ConfigureAwait(false);
        var settings = session.Workspace.Settings;
        var mode = strict ? RejectionMode.Strict : RejectionMode.Lenient;
        var current = await session.AssessAsync(settings.Period, progress, mode, cancellationToken).ConfigureAwait(false);
        var previous = settings.PreviousPeriod is { } p ? await session.AssessAsync(p, progress, mode, cancellationToken).ConfigureAwait(false) : null;

        AnsiConsole.MarkupLine($"[bold]{CommandRunner.Escape(settings.Name.Vi)}[/] — {CommandRunner.Escape(current.Period)}"
            + (previous is null ? string.Empty : $" (so với / compared with {CommandRunner.Escape(previous.Period)})"));
        foreach (var outcome in current.Indices)
        {
            RankingTables.Print(outcome, previous?.Find(outcome.Index.Id));
        }

        DataSummary.Print(session.Workspace, current);
        var files = await progress.RunAsync("Ghi báo cáo / writing the reports",
            () => ReportFiles.WriteAsync(session.Workspace, session.Reports, current, previous, outputDirectory, cancellationToken)).ConfigureAwait(false);
        Summary(current, files);
        return ExitCodes.Ok;
    }

    private static void Summary(PeriodOutcome current, IReadOnlyList<string> files)
    {
        var table = new Table().Title("Tóm tắt / summary").AddColumns("Bộ chỉ số / index", "Đơn vị / units", "Xếp hạng / ranked", "Tốt", "Khá", "Trung bình", "Yếu");
        foreach (var outcome in current.Indices)
        {
            var units = outcome.Result.Units;
            string Count(string band) => units.Count(u => u.Band == band).ToString(CultureInfo.InvariantCulture);
            table.AddRow(
                CommandRunner.Escape(outcome.Index.Id),
                units.Count.ToString(CultureInfo.InvariantCulture),
                units.Count(u => u.Rank is not null).ToString(CultureInfo.InvariantCulture),
                Count("tot"),
                Count("kha"),
                Count("trung-binh"),
                Count("yeu"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Báo cáo / reports:");
        foreach (var file in files)
        {
            AnsiConsole.MarkupLine($"  {CommandRunner.Escape(file)}");
        }
    }

    internal static string Format(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";

    internal static string BandName(AssessmentResult result, Definitions.IndexDefinition definition, string? band) =>
        band is null ? "—" : definition.Bands.FirstOrDefault(b => b.Id == band)?.Name.Vi ?? band;
}
