using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Units (rows, in group and rank order) × main indicators (columns): each cell the unit's share on the indicator.</summary>
internal static class Heatmap
{
    private const double Left = 330;
    private const double Top = 46;
    private const double Row = 24;
    private const double GroupRow = 26;

    public static void Render(StringBuilder html, ReportModel model, string id, CancellationToken cancellationToken)
    {
        var columns = model.MainNodes;
        var cell = Math.Clamp(600.0 / Math.Max(columns.Count, 1), 44, 76);
        var width = Left + (columns.Count * cell) + 20;
        var showGroups = model.Groups.Count > 1;
        var height = Top + model.Groups.Sum(g => (g.Units.Count * Row) + (showGroups ? GroupRow : 0)) + 44;
        var title = model.Label("heatmap");
        var description = string.Join("; ", columns.Select(model.NodeTitle));
        Svg.Open(html, id, "heatmap", width, height, title, description);
        for (var c = 0; c < columns.Count; c++)
        {
            var x = Left + (c * cell) + (cell / 2);
            html.Append("<text x=\"").Append(HtmlText.N(x)).Append("\" y=\"").Append(HtmlText.N(Top - 12)).Append("\" text-anchor=\"middle\" class=\"column\"><title>")
                .Append(HtmlText.Encode(model.NodeTitle(columns[c]))).Append("</title>").Append(HtmlText.Encode(HtmlText.Shorten(model.Result.Nodes[columns[c]].Code, 8))).Append("</text>");
        }

        var y = Top;
        foreach (var group in model.Groups)
        {
            if (showGroups)
            {
                Svg.Text(html, 8, y + 18, group.Name, "group-label");
                y += GroupRow;
            }

            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = model.Name(unit.Unit.Name);
                html.Append("<text x=\"8\" y=\"").Append(HtmlText.N(y + 16)).Append("\" class=\"label\"><title>").Append(HtmlText.Encode(name)).Append("</title>")
                    .Append(HtmlText.Encode(HtmlText.Shorten(name, 46))).Append("</text>");
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = unit.Nodes[columns[c]].Value;
                    var x = Left + (c * cell);
                    var missing = !double.IsFinite(value);
                    html.Append("<rect class=\"cell").Append(missing ? " missing" : string.Empty).Append("\" data-unit=\"").Append(HtmlText.Encode(unit.Unit.Id))
                        .Append("\" x=\"").Append(HtmlText.N(x + 1)).Append("\" y=\"").Append(HtmlText.N(y + 1))
                        .Append("\" width=\"").Append(HtmlText.N(cell - 2)).Append("\" height=\"").Append(HtmlText.N(Row - 2))
                        .Append("\" fill=\"").Append(ChartColours.Sequential(value)).Append("\"><title>")
                        .Append(HtmlText.Encode($"{name} · {model.NodeTitle(columns[c])}: {(missing ? "—" : model.Ratio(value))}")).Append("</title></rect>");
                    Svg.Text(html, x + (cell / 2), y + 16, missing ? "—" : ReportModel.Fixed(value, 2), ChartColours.DarkBackground(value) ? "cell-value on-dark" : "cell-value", "middle");
                }

                y += Row;
            }
        }

        // Legend: the colour scale from 0 to 1.
        var legendY = y + 14;
        for (var step = 0; step <= 10; step++)
        {
            html.Append("<rect x=\"").Append(HtmlText.N(Left + (step * 24))).Append("\" y=\"").Append(HtmlText.N(legendY)).Append("\" width=\"24\" height=\"10\" fill=\"")
                .Append(ChartColours.Sequential(step / 10.0)).Append("\"/>");
        }

        Svg.Text(html, Left - 6, legendY + 9, "0", "axis", "end");
        Svg.Text(html, Left + (11 * 24) + 6, legendY + 9, "1", "axis");
        Svg.Close(html);
    }
}
