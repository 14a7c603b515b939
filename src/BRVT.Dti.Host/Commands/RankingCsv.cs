using System.Globalization;
using System.Text;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Commands;

/// <summary>The ranking as CSV: one row per unit with its group, rank, total, band and every main node's value.</summary>
internal static class RankingCsv
{
    public static string Write(AssessmentResult result)
    {
        var main = result.Nodes.Select((n, i) => (n, i)).Where(x => x.n.Depth == 1).ToList();
        var builder = new StringBuilder();
        builder.Append("unit,name,group,rank,rank_within_parent,points,max_points,value,band");
        foreach (var (node, _) in main)
        {
            builder.Append(',').Append(Quote("value_" + node.Code));
        }

        foreach (var view in result.Views)
        {
            builder.Append(',').Append(Quote("view_" + view.Code));
        }

        builder.Append('\n');
        foreach (var unit in result.Units.OrderBy(u => u.Unit.Group, StringComparer.Ordinal).ThenBy(u => u.Rank ?? int.MaxValue).ThenBy(u => u.Unit.Id, StringComparer.Ordinal))
        {
            builder.Append(Quote(unit.Unit.Id)).Append(',').Append(Quote(unit.Unit.Name.Vi)).Append(',').Append(Quote(unit.Unit.Group ?? string.Empty)).Append(',')
                .Append(unit.Rank?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(unit.RankWithinParent?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(unit.Total.Points)).Append(',').Append(Number(unit.Total.MaxPoints)).Append(',')
                .Append(Number(unit.Total.Value)).Append(',').Append(unit.Band);
            foreach (var (_, index) in main)
            {
                builder.Append(',').Append(Number(unit.Nodes[index].Value));
            }

            foreach (var view in unit.Views)
            {
                builder.Append(',').Append(Number(view.Value));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string text) => Csv.Quote(text);
}
