using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Horizontal bars of the index value per unit of one group, in rank order, coloured by band, band thresholds marked.</summary>
internal static class RankingChart
{
    private const double Width = 960;
    private const double Left = 330;
    private const double BarWidth = 520;
    private const double Top = 34;
    private const double Row = 24;

    public static void Render(StringBuilder html, ReportModel model, ReportGroup group, string id, CancellationToken cancellationToken)
    {
        var height = Top + (group.Units.Count * Row) + 26;
        var title = $"{model.Label("ranking-chart")}: {group.Name}";
        var description = string.Join("; ", group.Units.Select(u => $"{ReportModel.Integer(u.Rank)} {model.Name(u.Unit.Name)} {model.Ratio(u.Total.Value)}"));
        Svg.Open(html, id, "ranking", Width, height, title, description);

        // Gridlines and axis labels at every 0.2, band thresholds dashed and named.
        for (var tick = 0; tick <= 5; tick++)
        {
            var x = Left + (BarWidth * tick / 5.0);
            Svg.Line(html, x, Top - 6, x, height - 24, "grid");
            Svg.Text(html, x, height - 8, ReportModel.Fixed(tick / 5.0, 1), "axis", "middle");
        }

        // Band zones: a light tint of each band's colour behind the bars, its name centred above.
        foreach (var band in model.Bands)
        {
            var from = Left + (BarWidth * Math.Clamp(band.From, 0, 1));
            var to = Left + (BarWidth * Math.Clamp(band.To, 0, 1));
            if (to - from < 1)
            {
                continue;
            }

            html.Append("<rect class=\"zone\" x=\"").Append(HtmlText.N(from)).Append("\" y=\"").Append(HtmlText.N(Top - 8)).Append("\" width=\"").Append(HtmlText.N(to - from))
                .Append("\" height=\"").Append(HtmlText.N(height - Top - 16)).Append("\" fill=\"").Append(band.Colour).Append("\" fill-opacity=\"0.07\"/>");
            Svg.Text(html, (from + to) / 2, Top - 14, HtmlText.Shorten(band.Name, (int)((to - from) / 6.5)), "threshold-label", "middle");
            if (band.From > 0)
            {
                Svg.Line(html, from, Top - 8, from, height - 24, "threshold");
            }
        }

        for (var i = 0; i < group.Units.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = group.Units[i];
            var y = Top + (i * Row);
            var name = model.Name(unit.Unit.Name);
            var band = model.Band(unit.Band);
            Svg.Text(html, 34, y + 16, ReportModel.Integer(unit.Rank), "rank", "end");
            html.Append("<text x=\"42\" y=\"").Append(HtmlText.N(y + 16)).Append("\" class=\"label\"><title>").Append(HtmlText.Encode(name)).Append("</title>")
                .Append(HtmlText.Encode(HtmlText.Shorten(name, 44))).Append("</text>");
            var value = unit.Total.Value;
            if (double.IsFinite(value))
            {
                var width = BarWidth * Math.Clamp(value, 0, 1);
                html.Append("<rect class=\"bar\" data-unit=\"").Append(HtmlText.Encode(unit.Unit.Id)).Append("\" x=\"").Append(HtmlText.N(Left)).Append("\" y=\"").Append(HtmlText.N(y + 4))
                    .Append("\" width=\"").Append(HtmlText.N(Math.Max(width, 1))).Append("\" height=\"16\" rx=\"2\" fill=\"").Append(band?.Colour ?? ChartColours.Neutral).Append("\">")
                    .Append("<title>").Append(HtmlText.Encode($"{name}: {model.Ratio(value)} ({ReportModel.Points(unit.Total.Points)} / {ReportModel.Points(unit.Total.MaxPoints)} {model.Label("points").ToLowerInvariant()}){(band is null ? string.Empty : " · " + band.Name)}"))
                    .Append("</title></rect>");
                Svg.Text(html, Left + width + 6, y + 16, model.Ratio(value), "value");
            }
            else
            {
                Svg.Text(html, Left + 6, y + 16, "—", "value");
            }
        }

        Svg.Close(html);
    }
}
