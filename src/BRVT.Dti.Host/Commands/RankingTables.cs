using System.Globalization;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Results;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>Prints an index's ranking, one table per group, with the rank change since the previous period.</summary>
internal static class RankingTables
{
    public static void Print(IndexOutcome outcome, IndexOutcome? previous)
    {
        var definition = outcome.Index.Plan.Definition;
        var result = outcome.Result;
        var before = previous?.Result.Units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        var withinParent = result.Units.Any(u => u.RankWithinParent is not null);
        AnsiConsole.MarkupLine($"[bold underline]{CommandRunner.Escape(definition.Title.Vi)}[/] [grey]({CommandRunner.Escape(definition.Id)} {CommandRunner.Escape(definition.Version)})[/]");
        foreach (var group in result.Units.GroupBy(u => u.Unit.Group ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groupDefinition = definition.Groups.FirstOrDefault(g => g.Id == group.Key);
            var title = groupDefinition?.Name.Vi ?? "Tất cả đơn vị / all units";
            if (groupDefinition is { Ranked: false })
            {
                title += " — đánh giá, không xếp hạng / assessed, not ranked";
            }

            var table = new Table().Title(CommandRunner.Escape(title)).AddColumns("Hạng", "±", "Đơn vị", "Điểm", "Chỉ số", "Xếp loại");
            if (withinParent)
            {
                table.AddColumn("Hạng trong huyện");
            }

            foreach (var unit in group.OrderBy(u => u.Rank ?? int.MaxValue).ThenByDescending(u => u.Total.Value).ThenBy(u => u.Unit.Id, StringComparer.Ordinal))
            {
                var row = new List<string>
                {
                    unit.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—",
                    Change(unit, before),
                    CommandRunner.Escape(unit.Unit.Name.Vi),
                    RankCommand.Format(unit.Total.Points, 2) + " / " + RankCommand.Format(unit.Total.MaxPoints, 0),
                    RankCommand.Format(unit.Total.Value, definition.Scale.Decimals),
                    CommandRunner.Escape(RankCommand.BandName(result, definition, unit.Band)),
                };
                if (withinParent)
                {
                    row.Add(unit.RankWithinParent?.ToString(CultureInfo.InvariantCulture) ?? "—");
                }

                table.AddRow(row.ToArray());
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>"▲2" when the unit rose two places, "▼1" when it fell one, "=" when unchanged, "mới" when it was not ranked before.</summary>
    public static string Change(UnitResult unit, IReadOnlyDictionary<string, UnitResult>? before)
    {
        if (before is null || unit.Rank is not { } now)
        {
            return string.Empty;
        }

        if (!before.TryGetValue(unit.Unit.Id, out var old) || old.Rank is not { } then)
        {
            return "mới";
        }

        return then == now ? "=" : then > now
            ? "[green]▲" + (then - now).ToString(CultureInfo.InvariantCulture) + "[/]"
            : "[red]▼" + (now - then).ToString(CultureInfo.InvariantCulture) + "[/]";
    }
}
