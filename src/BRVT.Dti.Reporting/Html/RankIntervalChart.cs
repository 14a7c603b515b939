using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Html;

/// <summary>The rank interval of every unit of one group: a line from the best to the worst rank, the median, the published rank.</summary>
internal static class RankIntervalChart
{
    private const double Width = 960;
    private const double Left = 330;
    private const double Plot = 560;
    private const double Top = 30;
    private const double Row = 24;

    public static void Render(StringBuilder html, ReportModel model, ReportGroup group, string id, CancellationToken cancellationToken)
    {
        var rows = group.Units.Select(u => (Unit: u, Interval: model.Interval(u.Unit.Id))).Where(x => x.Interval is not null).ToList();
        var worst = Math.Max(group.Units.Count, rows.Select(r => (int)Math.Ceiling(r.Interval!.High)).DefaultIfEmpty(1).Max());
        worst = Math.Max(worst, 2);
        double X(double rank) => Left + (Plot * (Math.Clamp(rank, 1, worst) - 1) / (worst - 1));
        var height = Top + (rows.Count * Row) + 28;
        var title = $"{model.Label("intervals")}: {group.Name}";
        var description = model.Label("intervals-note") + " " + string.Join("; ", rows.Select(r => $"{model.Name(r.Unit.Unit.Name)} {Rank(r.Interval!.Low)}–{Rank(r.Interval.High)}"));
        Svg.Open(html, id, "rank-interval", Width, height, title, description);
        var step = worst <= 20 ? 1 : worst <= 60 ? 5 : 10;
        for (var rank = 1; rank <= worst; rank++)
        {
            if (rank == 1 || rank % step == 0 || rank == worst)
            {
                Svg.Line(html, X(rank), Top - 6, X(rank), height - 24, "grid");
                Svg.Text(html, X(rank), height - 8, ReportModel.Integer(rank), "axis", "middle");
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (unit, interval) = rows[i];
            var y = Top + (i * Row) + 12;
            var name = model.Name(unit.Unit.Name);
            html.Append("<text x=\"8\" y=\"").Append(HtmlText.N(y + 4)).Append("\" class=\"label\"><title>").Append(HtmlText.Encode(name)).Append("</title>")
                .Append(HtmlText.Encode(HtmlText.Shorten(name, 46))).Append("</text>");
            html.Append("<g class=\"interval\" data-unit=\"").Append(HtmlText.Encode(unit.Unit.Id)).Append("\"><title>")
                .Append(HtmlText.Encode($"{name}: {model.Label("interval")} {Rank(interval!.Low)}–{Rank(interval.High)}, {model.Label("median")} {Rank(interval.Median)}, {model.Label("rank")} {ReportModel.Integer(unit.Rank)}"))
                .Append("</title>");
            Svg.Line(html, X(interval.Low), y, X(interval.High), y, "range");
            if (unit.Rank is { } published)
            {
                var x = X(published);
                html.Append("<polygon class=\"published\" points=\"").Append(HtmlText.N(x)).Append(',').Append(HtmlText.N(y - 6)).Append(' ')
                    .Append(HtmlText.N(x + 6)).Append(',').Append(HtmlText.N(y)).Append(' ').Append(HtmlText.N(x)).Append(',').Append(HtmlText.N(y + 6)).Append(' ')
                    .Append(HtmlText.N(x - 6)).Append(',').Append(HtmlText.N(y)).Append("\"/>");
            }

            // The median last, so that it shows inside the diamond when both fall on one rank.
            html.Append("<circle class=\"median\" cx=\"").Append(HtmlText.N(X(interval.Median))).Append("\" cy=\"").Append(HtmlText.N(y)).Append("\" r=\"4.5\"/>");
            html.Append("</g>");
        }

        Svg.Close(html);
    }

    private static string Rank(double value) => ReportModel.Fixed(value, value == Math.Floor(value) ? 0 : 1);
}
