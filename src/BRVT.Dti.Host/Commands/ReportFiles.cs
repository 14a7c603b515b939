using System.Text;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Commands;

/// <summary>Writes the reports of a ranking run into the output folder, each file atomically; returns the files written.</summary>
internal static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(Workspace workspace, PeriodOutcome current, PeriodOutcome? previous, string outputDirectory, CancellationToken cancellationToken)
    {
        _ = previous;
        var files = new List<string>();
        foreach (var outcome in current.Indices)
        {
            var json = Path.Combine(outputDirectory, $"results-{outcome.Index.Id}.json");
            await AtomicFile.WriteAsync(json, stream => { AssessmentResultJson.Write(outcome.Result, stream); return Task.CompletedTask; }, cancellationToken).ConfigureAwait(false);
            files.Add(json);
            var csv = Path.Combine(outputDirectory, $"ranking-{outcome.Index.Id}.csv");
            await WriteTextAsync(csv, RankingCsv.Write(outcome.Result), cancellationToken).ConfigureAwait(false);
            files.Add(csv);
        }

        var rejected = Path.Combine(outputDirectory, "rejected-rows.csv");
        await WriteTextAsync(rejected, RejectedRowsCsv.Write(new[] { workspace.UnitsAccount }.Concat(current.Read.Accounts)), cancellationToken).ConfigureAwait(false);
        files.Add(rejected);
        return files.Select(Path.GetFullPath).ToList();
    }

    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, stream => stream.WriteAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), cancellationToken).AsTask(), cancellationToken);
}
