using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Places gained or lost since the previous period, per unit of one group: bars to the right (up) or left (down).</summary>
internal static class RankChangeChart
{
    private const double Width = 960;
    private const double Left = 330;
    private const double Half = 250;
    private const double Top = 30;
    private const double Row = 24;

    public static void Render(StringBuilder html, ReportModel model, ReportGroup group, string id, CancellationToken cancellationToken)
    {
        var changes = model.Changes(group)
            .OrderByDescending(c => c.Places ?? int.MinValue)
            .ThenBy(c => c.Current.Rank ?? int.MaxValue)
            .ThenBy(c => c.Current.Unit.Id, StringComparer.Ordinal)
            .ToList();
        var scale = Math.Max(1, changes.Select(c => Math.Abs(c.Places ?? 0)).DefaultIfEmpty(1).Max());
        var height = Top + (changes.Count * Row) + 20;
        var centre = Left + Half;
        var title = $"{model.Label("change-places")}: {group.Name}";
        var description = string.Join("; ", changes.Select(c => $"{model.Name(c.Current.Unit.Name)} {(c.Places is { } p ? Signed(p) : model.Label("new"))}"));
        Svg.Open(html, id, "rank-change", Width, height, title, description);
        Svg.Line(html, centre, Top - 8, centre, height - 12, "axis-line");
        Svg.Text(html, centre - 8, Top - 14, "▼ " + model.Label("moved-down"), "axis", "end");
        Svg.Text(html, centre + 8, Top - 14, model.Label("moved-up") + " ▲", "axis");
        for (var i = 0; i < changes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var change = changes[i];
            var y = Top + (i * Row);
            var name = model.Name(change.Current.Unit.Name);
            html.Append("<text x=\"8\" y=\"").Append(HtmlText.N(y + 16)).Append("\" class=\"label\"><title>").Append(HtmlText.Encode(name)).Append("</title>")
                .Append(HtmlText.Encode(HtmlText.Shorten(name, 46))).Append("</text>");
            if (change.Places is not { } places)
            {
                Svg.Text(html, centre + 8, y + 16, change.Previous is null ? model.Label("new") : "—", "value");
                continue;
            }

            var length = Half * Math.Abs(places) / scale;
            var x = places >= 0 ? centre : centre - length;
            var label = $"{Signed(places)} ({ReportModel.Integer(change.Previous!.Rank)} → {ReportModel.Integer(change.Current.Rank)})";
            html.Append("<rect class=\"change\" data-unit=\"").Append(HtmlText.Encode(change.Current.Unit.Id)).Append("\" x=\"").Append(HtmlText.N(places == 0 ? centre - 1 : x))
                .Append("\" y=\"").Append(HtmlText.N(y + 4)).Append("\" width=\"").Append(HtmlText.N(places == 0 ? 2 : length)).Append("\" height=\"16\" fill=\"")
                .Append(places > 0 ? ChartColours.Up : places < 0 ? ChartColours.Down : ChartColours.Neutral).Append("\"><title>")
                .Append(HtmlText.Encode($"{name}: {label}")).Append("</title></rect>");
            Svg.Text(html, places >= 0 ? centre + length + 6 : centre - length - 6, y + 16, label, "value", places >= 0 ? "start" : "end");
        }

        Svg.Close(html);
    }

    private static string Signed(int value) => value > 0 ? "+" + ReportModel.Integer(value) : ReportModel.Integer(value);
}
