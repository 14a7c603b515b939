using System.Globalization;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Host.Workspaces;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// Prints what happened to the data: per source, rows read, accepted and rejected (they always add up), the first
/// rejected rows with their place and reason, and the data issues the assessment raised (missing values, duplicates).
/// </summary>
internal static class DataSummary
{
    private const int Shown = 10;

    public static void Print(Workspace workspace, PeriodOutcome outcome)
    {
        var table = new Table().Title($"Dữ liệu {CommandRunner.Escape(outcome.Period)} / data").AddColumns("Nguồn / source", "Đọc / read", "Nhận / accepted", "Loại / rejected");
        var accounts = new[] { workspace.UnitsAccount }.Concat(outcome.Read.Accounts).ToList();
        foreach (var account in accounts)
        {
            table.AddRow(
                CommandRunner.Escape(account.Source),
                account.RowsRead.ToString(CultureInfo.InvariantCulture),
                account.RowsAccepted.ToString(CultureInfo.InvariantCulture),
                account.Rejected.Count == 0 ? "0" : "[yellow]" + account.Rejected.Count.ToString(CultureInfo.InvariantCulture) + "[/]");
        }

        AnsiConsole.Write(table);
        var rejected = accounts.SelectMany(a => a.Rejected).ToList();
        foreach (var row in rejected.Take(Shown))
        {
            AnsiConsole.MarkupLine($"[yellow]rejected[/] {CommandRunner.Escape(row.Location)}: {CommandRunner.Escape(row.Reason)}");
        }

        if (rejected.Count > Shown)
        {
            AnsiConsole.MarkupLine($"… and {rejected.Count - Shown} more rejected rows: see rejected-rows.csv in the reports folder.");
        }

        var issues = outcome.Indices.SelectMany(i => i.Result.Issues.Select(issue => (Index: i.Index.Id, Issue: issue))).ToList();
        foreach (var (index, issue) in issues.Take(Shown))
        {
            var where = issue.Provenance is { } p ? $" ({p.Location})" : string.Empty;
            AnsiConsole.MarkupLine($"[yellow]{CommandRunner.Escape(issue.Code)}[/] [grey]{CommandRunner.Escape(index)}[/]{CommandRunner.Escape(where)}: {CommandRunner.Escape(issue.Message)}");
        }

        if (issues.Count > Shown)
        {
            AnsiConsole.MarkupLine($"… and {issues.Count - Shown} more data issues: see the reports.");
        }

        // Units scored with missing values (by the index's missing-data policy): name them and the leaves concerned.
        foreach (var index in outcome.Indices)
        {
            var leaves = index.Result.Nodes.Select((n, i) => (n, i)).Where(x => x.n.IsLeaf).ToList();
            foreach (var unit in index.Result.Units.Where(u => u.Total.Flags != Results.ScoreFlags.None))
            {
                var missing = leaves.Where(x => unit.Nodes[x.i].Flags != Results.ScoreFlags.None).Select(x => $"{x.n.Code} ({unit.Nodes[x.i].Flags})");
                AnsiConsole.MarkupLine($"[yellow]missing data[/] [grey]{CommandRunner.Escape(index.Index.Id)}[/] {CommandRunner.Escape(unit.Unit.Id)} {CommandRunner.Escape(unit.Unit.Name.Vi)}: {CommandRunner.Escape(string.Join(", ", missing))}");
            }
        }

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Rows read: {accounts.Sum(a => a.RowsRead)}, rejected: {rejected.Count}; observations used: {outcome.Indices.Sum(i => i.Data.ObservationCount)}; data issues: {issues.Count}."));
    }
}
