using System.Text;
using BRVT.Dti.Analysis;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Reporting;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// Writes the reports of a ranking run: for each index a folder with every report format of the workspace (JSON,
/// CSV, Excel, Markdown, HTML: each file atomic, all or none), and beside them the list of every rejected row
/// (<c>rejected-rows.csv</c>) and the account of every source (<c>accounts.csv</c>: read = accepted + rejected).
/// </summary>
internal static class ReportFiles
{
    /// <summary>Monte Carlo replications behind the rank intervals in the reports (seeded, so reports are reproducible).</summary>
    public const int IntervalReplications = 1000;

    public static async Task<IReadOnlyList<string>> WriteAsync(
        Workspace workspace, ReportPublisher publisher, PeriodOutcome current, PeriodOutcome? previous, string outputDirectory, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var formats = workspace.Settings.Reports.Count > 0 ? workspace.Settings.Reports : null;
        var known = publisher.Writers.Select(w => w.Name).ToList();
        foreach (var format in formats ?? [])
        {
            if (!known.Contains(format, StringComparer.OrdinalIgnoreCase))
            {
                throw new WorkspaceException($"{WorkspaceLoader.SettingsFile} at /reports: unknown report format '{format}'. Known formats: {string.Join(", ", known)}.");
            }
        }

        foreach (var outcome in current.Indices)
        {
            var plan = outcome.Index.Plan;
            var units = outcome.Index.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            var content = new ReportContent
            {
                Definition = plan.Definition,
                Result = outcome.Result,
                Explanations = ExplainAll(outcome, cancellationToken),
                Previous = previous?.Find(outcome.Index.Id)?.Result,
                RankIntervals = RankIntervals(outcome, cancellationToken),
                Observations = [.. current.Stages.Where(p => units.Contains(p.UnitId)).SelectMany(p => new[] { p.SelfAssessed, p.Verified }).OfType<Data.Observation>()],
            };
            var published = await publisher.PublishAsync(content, Path.Combine(outputDirectory, outcome.Index.Id), formats, cancellationToken).ConfigureAwait(false);
            files.AddRange(published.Select(p => p.Path));
        }

        var accounts = new[] { workspace.UnitsAccount }.Concat(current.Read.Accounts).ToList();
        var rejected = Path.Combine(outputDirectory, "rejected-rows.csv");
        await WriteTextAsync(rejected, RejectedRowsCsv.Write(accounts, cancellationToken), cancellationToken).ConfigureAwait(false);
        files.Add(Path.GetFullPath(rejected));
        var accountsFile = Path.Combine(outputDirectory, SourceAccountsCsv.FileName);
        await WriteTextAsync(accountsFile, SourceAccountsCsv.Write(accounts), cancellationToken).ConfigureAwait(false);
        files.Add(Path.GetFullPath(accountsFile));
        return files;
    }

    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, stream => stream.WriteAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), cancellationToken).AsTask(), cancellationToken);

    /// <summary>The explanation of every unit, down to its source rows; the token is checked at every unit.</summary>
    private static List<UnitExplanation> ExplainAll(IndexOutcome outcome, CancellationToken cancellationToken)
    {
        var explanations = new List<UnitExplanation>(outcome.Result.Units.Count);
        foreach (var unit in outcome.Result.Units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            explanations.Add(outcome.Index.Plan.Explain(outcome.Data, outcome.Result, unit.Unit.Id));
        }

        return explanations;
    }

    private static List<RankInterval> RankIntervals(IndexOutcome outcome, CancellationToken cancellationToken) =>
        SensitivityRunner.Run(outcome, new UncertaintyOptions { Replications = IntervalReplications, Seed = 1 }, cancellationToken)
            .Where(g => g.Result is not null)
            .SelectMany(g => g.Result!.Units)
            .Select(b => new RankInterval(b.Unit, b.Percentile5, b.MedianRank, b.Percentile95))
            .ToList();
}
