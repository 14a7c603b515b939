using System.CommandLine;
using System.Globalization;
using System.Text;
using BRVT.Dti.Analysis;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Running;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// <c>dti sensitivity</c>: how firm each rank is. Weights are perturbed (±25% by default) and, optionally, each
/// indicator left out in turn, over many replications; each unit gets its nominal rank, median rank and 5–95%
/// interval, and each input its share of the rank variance. Written to <c>sensitivity-&lt;index&gt;.csv</c>.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOptions.Workspace();
        var output = WorkspaceOptions.Output();
        var quiet = WorkspaceOptions.Quiet();
        var index = new Option<string?>("--index", "-i") { Description = "Only this assessment of workspace.json (its id). Default: all." };
        var replications = new Option<int>("--replications", "-n") { Description = "Monte Carlo replications.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same intervals.", DefaultValueFactory = _ => 1 };
        var perturbation = new Option<double>("--perturbation") { Description = "Relative weight perturbation (0.25 = ±25%).", DefaultValueFactory = _ => 0.25 };
        var excludeIndicators = new Option<bool>("--leave-one-out") { Description = "Also leave each indicator out in turn." };
        var options = new Option<string?>("--options") { Description = "A JSON file of uncertainty options (overrides the options above)." };
        var command = new Command("sensitivity", "Rank intervals: how each unit's rank moves when weights are perturbed and indicators left out (Monte Carlo).")
        {
            workspace, index, replications, seed, perturbation, excludeIndicators, options, output, quiet,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            async token =>
            {
                var settings = parse.GetValue(options) is { } file
                    ? ReadOptions(file)
                    : new UncertaintyOptions
                    {
                        Replications = parse.GetValue(replications),
                        Seed = parse.GetValue(seed),
                        WeightPerturbation = parse.GetValue(perturbation),
                        ExcludeIndicators = parse.GetValue(excludeIndicators),
                    };
                return await RunAsync(parse.GetValue(workspace)!, parse.GetValue(index), settings, parse.GetValue(output)!, parse.GetValue(quiet), token).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }

    private static UncertaintyOptions ReadOptions(string file)
    {
        try
        {
            return UncertaintyOptions.ParseJson(File.ReadAllText(file));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            throw new Workspaces.WorkspaceException($"{file}: {exception.Message}");
        }
    }

    private static async Task<int> RunAsync(string workspaceDirectory, string? indexId, UncertaintyOptions options, string outputDirectory, bool quiet, CancellationToken cancellationToken)
    {
        if (options.Replications is < 10 or > 1_000_000)
        {
            Console.Error.WriteLine("error: --replications must be between 10 and 1000000.");
            return ExitCodes.UserError;
        }

        var progress = new ConsoleProgress(quiet);
        using var session = await Session.OpenAsync(workspaceDirectory, progress, cancellationToken).ConfigureAwait(false);
        if (indexId is not null && session.Workspace.Assessments.All(a => a.Id != indexId))
        {
            Console.Error.WriteLine($"error: no assessment '{indexId}' in workspace.json. Assessments: {string.Join(", ", session.Workspace.Assessments.Select(a => a.Id))}.");
            return ExitCodes.UserError;
        }

        var outcome = await session.AssessAsync(session.Workspace.Settings.Period, progress, RejectionMode.Lenient, cancellationToken).ConfigureAwait(false);
        foreach (var index in outcome.Indices.Where(i => indexId is null || i.Index.Id == indexId))
        {
            var groups = await progress.RunAsync(
                string.Create(CultureInfo.InvariantCulture, $"Monte Carlo {index.Index.Id}: {options.Replications} replications"),
                () => Task.Run(() => SensitivityRunner.Run(index, options, cancellationToken), cancellationToken)).ConfigureAwait(false);
            Print(index, groups);
            var path = Path.Combine(outputDirectory, $"sensitivity-{index.Index.Id}.csv");
            await ReportFiles.WriteTextAsync(path, Csv(index, groups), cancellationToken).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"  {CommandRunner.Escape(Path.GetFullPath(path))}");
        }

        return ExitCodes.Ok;
    }

    private static void Print(IndexOutcome index, IReadOnlyList<GroupSensitivity> groups)
    {
        var names = index.Result.Units.ToDictionary(u => u.Unit.Id, u => u.Unit.Name.Vi, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var note in group.Notes)
            {
                AnsiConsole.MarkupLine($"[grey]{CommandRunner.Escape(index.Index.Id)}: {CommandRunner.Escape(note)}[/]");
            }

            if (group.Result is not { } result)
            {
                continue;
            }

            var title = index.Index.Plan.Definition.Groups.FirstOrDefault(g => g.Id == group.Group)?.Name.Vi ?? index.Index.Plan.Definition.Title.Vi;
            var table = new Table().Title(CommandRunner.Escape($"{title}: {result.Options.Replications} replications"))
                .AddColumns("Đơn vị", "Hạng", "Trung vị", "Khoảng 5%–95%");
            foreach (var band in result.Units.OrderBy(b => b.NominalRank ?? int.MaxValue).ThenBy(b => b.Unit, StringComparer.Ordinal))
            {
                table.AddRow(
                    CommandRunner.Escape(names.GetValueOrDefault(band.Unit) ?? band.Unit),
                    band.NominalRank?.ToString(CultureInfo.InvariantCulture) ?? "—",
                    band.MedianRank.ToString("0.#", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{band.Percentile5:0.#} – {band.Percentile95:0.#}"));
            }

            AnsiConsole.Write(table);
            var shares = string.Join(", ", result.VarianceShares.OrderByDescending(s => s.Share).Take(5).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Input} {s.Share:0.000}")));
            AnsiConsole.MarkupLine($"Phần phương sai của hạng / shares of rank variance: {CommandRunner.Escape(shares)}");
        }
    }

    private static string Csv(IndexOutcome index, IReadOnlyList<GroupSensitivity> groups)
    {
        var names = index.Result.Units.ToDictionary(u => u.Unit.Id, u => u.Unit.Name.Vi, StringComparer.Ordinal);
        var builder = new StringBuilder("group,unit,name,nominal_rank,median_rank,p5_rank,p95_rank,mean_rank,replications\n");
        foreach (var group in groups.Where(g => g.Result is not null))
        {
            foreach (var band in group.Result!.Units.OrderBy(b => b.NominalRank ?? int.MaxValue).ThenBy(b => b.Unit, StringComparer.Ordinal))
            {
                builder.Append(Commands.Csv.Quote(group.Group ?? string.Empty)).Append(',').Append(Commands.Csv.Quote(band.Unit)).Append(',')
                    .Append(Commands.Csv.Quote(names.GetValueOrDefault(band.Unit) ?? string.Empty)).Append(',')
                    .Append(band.NominalRank?.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(string.Create(CultureInfo.InvariantCulture, $"{band.MedianRank},{band.Percentile5},{band.Percentile95},{band.MeanRank},{band.RankedReplications}\n"));
            }
        }

        return builder.ToString();
    }
}
