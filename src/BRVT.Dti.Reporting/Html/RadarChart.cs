using System.Text;
using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting.Html;

/// <summary>
/// The profile of one unit over the main indicators: a polygon on a radar (three or more axes), with the group's mean
/// dashed behind it; with fewer than three indicators, bars instead.
/// </summary>
internal static class RadarChart
{
    private const double Size = 260;
    private const double Centre = 130;
    private const double Radius = 88;

    /// <summary>The main indicators a profile can show: those with a positive maximum.</summary>
    public static int[] Axes(ReportModel model) => [.. model.MainNodes.Where(n => model.Result.Nodes[n].MaxPoints > 0)];

    /// <summary>The group's mean share per axis (over units with a value).</summary>
    public static double[] Mean(ReportGroup group, int[] axes) =>
        [.. axes.Select(n =>
        {
            var values = group.Units.Select(u => u.Nodes[n].Value).Where(double.IsFinite).ToList();
            return values.Count == 0 ? double.NaN : values.Sum() / values.Count;
        })];

    public static void Render(StringBuilder html, ReportModel model, UnitResult unit, int[] axes, double[] mean, string id)
    {
        var name = model.Name(unit.Unit.Name);
        var title = $"{model.Label("profiles")}: {name}";
        var description = string.Join("; ", axes.Select(n => $"{model.NodeTitle(n)} {model.Ratio(unit.Nodes[n].Value)}"));
        Svg.Open(html, id, "radar", Size, Size, title, description);
        if (axes.Length < 3)
        {
            Bars(html, model, unit, axes);
            Svg.Close(html);
            return;
        }

        foreach (var ring in (double[])[0.25, 0.5, 0.75, 1])
        {
            html.Append("<polygon class=\"ring\" points=\"").Append(Points(axes.Select(_ => ring).ToArray())).Append("\"/>");
        }

        for (var a = 0; a < axes.Length; a++)
        {
            var (x, y) = Point(a, axes.Length, 1);
            Svg.Line(html, Centre, Centre, x, y, "spoke");
            var (lx, ly) = Point(a, axes.Length, 1.2);
            var anchor = Math.Abs(lx - Centre) < 8 ? "middle" : lx > Centre ? "start" : "end";
            html.Append("<text x=\"").Append(HtmlText.N(lx)).Append("\" y=\"").Append(HtmlText.N(ly + 4)).Append("\" text-anchor=\"").Append(anchor).Append("\" class=\"axis-label\"><title>")
                .Append(HtmlText.Encode(model.NodeTitle(axes[a]))).Append("</title>").Append(HtmlText.Encode(HtmlText.Shorten(model.Result.Nodes[axes[a]].Code, 6))).Append("</text>");
        }

        if (mean.Any(double.IsFinite))
        {
            html.Append("<polygon class=\"mean\" points=\"").Append(Points(mean)).Append("\"><title>").Append(HtmlText.Encode(model.Label("group-mean"))).Append("</title></polygon>");
        }

        var values = axes.Select(n => unit.Nodes[n].Value).ToArray();
        html.Append("<polygon class=\"profile\" data-unit=\"").Append(HtmlText.Encode(unit.Unit.Id)).Append("\" points=\"").Append(Points(values)).Append("\"><title>")
            .Append(HtmlText.Encode(description)).Append("</title></polygon>");
        for (var a = 0; a < axes.Length; a++)
        {
            if (double.IsFinite(values[a]))
            {
                var (x, y) = Point(a, axes.Length, Math.Clamp(values[a], 0, 1));
                html.Append("<circle class=\"vertex\" cx=\"").Append(HtmlText.N(x)).Append("\" cy=\"").Append(HtmlText.N(y)).Append("\" r=\"2.5\"/>");
            }
        }

        Svg.Close(html);
    }

    private static void Bars(StringBuilder html, ReportModel model, UnitResult unit, int[] axes)
    {
        for (var a = 0; a < axes.Length; a++)
        {
            var value = unit.Nodes[axes[a]].Value;
            var y = 40 + (a * 40);
            Svg.Text(html, 10, y, model.NodeTitle(axes[a]), "axis-label");
            html.Append("<rect class=\"profile-bar\" x=\"10\" y=\"").Append(HtmlText.N(y + 6)).Append("\" width=\"").Append(HtmlText.N(200 * (double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0)))
                .Append("\" height=\"14\" fill=\"").Append(ChartColours.Neutral).Append("\"/>");
            Svg.Text(html, 216, y + 18, model.Ratio(value), "value");
        }
    }

    private static string Points(double[] values)
    {
        var builder = new StringBuilder();
        for (var a = 0; a < values.Length; a++)
        {
            var (x, y) = Point(a, values.Length, double.IsFinite(values[a]) ? Math.Clamp(values[a], 0, 1) : 0);
            if (a > 0)
            {
                builder.Append(' ');
            }

            builder.Append(HtmlText.N(x)).Append(',').Append(HtmlText.N(y));
        }

        return builder.ToString();
    }

    /// <summary>The point of axis <paramref name="a"/> of <paramref name="count"/> at a share of the radius; the first axis points up.</summary>
    private static (double X, double Y) Point(int a, int count, double share)
    {
        var angle = (2 * Math.PI * a / count) - (Math.PI / 2);
        return (Centre + (Radius * share * Math.Cos(angle)), Centre + (Radius * share * Math.Sin(angle)));
    }
}
