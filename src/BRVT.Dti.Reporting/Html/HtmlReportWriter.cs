using System.Globalization;
using System.Text;
using BRVT.Dti.Reporting.Html;
using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting;

/// <summary>
/// A self-contained HTML report (<c>report.html</c>) that works offline: no external file, font or network access.
/// Charts are inline SVG generated here, so they render without script: a ranking bar chart per group coloured by
/// band, a heatmap of units × main indicators, a radar profile per unit, the rank change since the previous period
/// and rank intervals (when given). Then a table of every unit, the data issues and the manifest. Labels are
/// Vietnamese with English glosses (or English with Vietnamese fallback); every text is HTML-encoded; charts carry
/// titles and descriptions for screen readers; the style sheet prints on A4. The same content gives the same bytes.
/// </summary>
/// <remarks>
/// Thread-safe. A tiny inline script filters the unit table and sets <c>data-ready="1"</c> on the body when done;
/// a script error is recorded in the body's <c>data-errors</c> attribute.
/// </remarks>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Name => "html";

    /// <inheritdoc />
    public string FileName => "report.html";

    /// <inheritdoc />
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var html = Build(ReportModel.Create(content, cancellationToken), cancellationToken);
        await ReportBytes.WriteAsync(destination, html, byteOrderMark: false, cancellationToken).ConfigureAwait(false);
    }

    internal static string Write(ReportModel model, CancellationToken cancellationToken = default) => Build(model, cancellationToken).ToString();

    private static StringBuilder Build(ReportModel model, CancellationToken cancellationToken)
    {
        var html = new StringBuilder(64 * 1024);
        var result = model.Result;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(model.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"BRVT.Dti ").Append(HtmlText.Encode(result.Manifest.LibraryVersion)).Append("\">\n")
            .Append("<title>").Append(HtmlText.Encode($"{model.Title} — {result.Period}")).Append("</title>\n")
            .Append("<script>").Append(HtmlAssets.ErrorTrap).Append("</script>\n")
            .Append("<style>\n").Append(HtmlAssets.Styles).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        Masthead(html, model);
        html.Append("<main>\n");
        Ranking(html, model, cancellationToken);
        HeatmapSection(html, model, cancellationToken);
        Profiles(html, model, cancellationToken);
        if (model.HasPrevious)
        {
            YearOverYear(html, model, cancellationToken);
        }

        if (model.HasIntervals)
        {
            Intervals(html, model, cancellationToken);
        }

        UnitsTable(html, model, cancellationToken);
        if (model.StagePairs.Count > 0)
        {
            SelfAssessedVsVerified(html, model, cancellationToken);
        }

        Issues(html, model, cancellationToken);
        Manifest(html, model);
        html.Append("</main>\n<footer>").Append(HtmlText.Encode($"BRVT.Dti {result.Manifest.LibraryVersion} · {result.IndexId} {result.IndexVersion} · {result.Period}")).Append("</footer>\n</div>\n")
            .Append("<script>").Append(HtmlAssets.Ready).Append("</script>\n</body>\n</html>\n");
        return html;
    }

    private static void Heading(StringBuilder html, ReportModel model, string level, string id, string key, string? suffix = null)
    {
        html.Append('<').Append(level);
        if (id.Length > 0)
        {
            html.Append(" id=\"").Append(id).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(model.Label(key) + suffix));
        if (!model.English)
        {
            html.Append("<span class=\"gloss\" lang=\"en\">").Append(HtmlText.Encode(ReportLabels.English(key))).Append("</span>");
        }

        html.Append("</").Append(level).Append(">\n");
    }

    private static void Masthead(StringBuilder html, ReportModel model)
    {
        var result = model.Result;
        var definition = model.Definition;
        html.Append("<header class=\"masthead\">\n<p class=\"eyebrow\">").Append(HtmlText.Encode($"{model.Label("index")} {result.IndexId} {result.IndexVersion}"));
        if (definition.Decision is { } decision)
        {
            html.Append(HtmlText.Encode(" · " + decision));
        }

        html.Append("</p>\n<h1>").Append(HtmlText.Encode(model.Title)).Append("</h1>\n");
        if (!model.English && definition.Title.En is { Length: > 0 } english)
        {
            html.Append("<p class=\"meta\" lang=\"en\">").Append(HtmlText.Encode(english)).Append("</p>\n");
        }

        var values = result.Units.Select(u => u.Total.Value).Where(double.IsFinite).ToList();
        html.Append("<ul class=\"cards\">\n");
        Card(html, result.Period, model.Label("period"));
        Card(html, ReportModel.Integer(result.Units.Count), model.Label("count"));
        Card(html, ReportModel.Integer(model.Groups.Count), model.Label("group"));
        Card(html, values.Count == 0 ? "—" : model.Ratio(values.Sum() / values.Count), model.Label("dti") + " · " + model.Label("mean").ToLowerInvariant());
        Card(html, ReportModel.Integer(result.Issues.Count), model.Label("issues"));
        html.Append("</ul>\n<nav class=\"toc\" aria-label=\"").Append(HtmlText.Encode(model.Label("summary"))).Append("\">");
        Link(html, "ranking", model.Label("ranking"));
        Link(html, "heatmap", model.Label("main-indicators"));
        Link(html, "profiles", model.Label("profiles"));
        if (model.HasPrevious)
        {
            Link(html, "year-over-year", model.Label("year-over-year"));
        }

        if (model.HasIntervals)
        {
            Link(html, "intervals", model.Label("intervals"));
        }

        Link(html, "units", model.Label("units"));
        if (model.StagePairs.Count > 0)
        {
            Link(html, "self-vs-verified", model.Label("self-vs-verified"));
        }

        Link(html, "issues", model.Label("issues"));
        Link(html, "manifest", model.Label("manifest"));
        html.Append("</nav>\n</header>\n");
    }

    private static void Card(StringBuilder html, string value, string label) =>
        html.Append("<li><b>").Append(HtmlText.Encode(value)).Append("</b><span>").Append(HtmlText.Encode(label)).Append("</span></li>\n");

    private static void Link(StringBuilder html, string target, string text) =>
        html.Append("<a href=\"#").Append(target).Append("\">").Append(HtmlText.Encode(text)).Append("</a>");

    private static void Ranking(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"ranking\">\n");
        Heading(html, model, "h2", "ranking", "ranking");
        BandLegend(html, model);
        foreach (var group in model.Groups)
        {
            html.Append("<h3>").Append(HtmlText.Encode(group.Name)).Append("</h3>\n");
            if (!group.Ranked)
            {
                html.Append("<p class=\"note\">").Append(HtmlText.Encode(model.Label("not-ranked"))).Append("</p>\n");
            }

            html.Append("<figure class=\"chart-box\">");
            RankingChart.Render(html, model, group, "ranking-" + HtmlText.Token(group.Key), cancellationToken);
            html.Append("</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void BandLegend(StringBuilder html, ReportModel model)
    {
        if (model.Bands.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"legend\" aria-label=\"").Append(HtmlText.Encode(model.Label("bands"))).Append("\">");
        foreach (var band in model.Bands)
        {
            html.Append("<li><span class=\"swatch\" style=\"background:").Append(band.Colour).Append("\"></span>")
                .Append(HtmlText.Encode($"{band.Name} ({ReportModel.Fixed(band.From, 2)}–{ReportModel.Fixed(band.To, 2)})")).Append("</li>");
        }

        html.Append("</ul>\n");
    }

    private static void HeatmapSection(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"heatmap\">\n");
        Heading(html, model, "h2", "heatmap", "heatmap");
        if (model.MainNodes.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode(model.Label("none"))).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<figure class=\"chart-box\">");
        Heatmap.Render(html, model, "heatmap-chart", cancellationToken);
        html.Append("<figcaption>").Append(HtmlText.Encode(string.Join(" · ", model.MainNodes.Select(model.NodeTitle)))).Append("</figcaption></figure>\n</section>\n");
    }

    private static void Profiles(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"profiles\">\n");
        Heading(html, model, "h2", "profiles", "profiles");
        var axes = RadarChart.Axes(model);
        if (axes.Length == 0)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode(model.Label("none"))).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"note\">").Append(HtmlText.Encode(string.Join(" · ", axes.Select(model.NodeTitle)))).Append(". ")
            .Append(HtmlText.Encode(model.Label("group-mean"))).Append(": - - -</p>\n");
        foreach (var group in model.Groups)
        {
            var mean = RadarChart.Mean(group, axes);
            if (model.Groups.Count > 1)
            {
                html.Append("<h3>").Append(HtmlText.Encode(group.Name)).Append("</h3>\n");
            }

            html.Append("<div class=\"profiles\">\n");
            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                html.Append("<div class=\"profile-card\"><h4>");
                if (unit.Rank is { } rank)
                {
                    html.Append(ReportModel.Integer(rank)).Append(". ");
                }

                html.Append(HtmlText.Encode(model.Name(unit.Unit.Name))).Append("</h4><p>").Append(HtmlText.Encode(model.Label("dti"))).Append(' ')
                    .Append(HtmlText.Encode(model.Ratio(unit.Total.Value))).Append(' ');
                Chip(html, model, unit.Band);
                html.Append("</p>");
                RadarChart.Render(html, model, unit, axes, mean, "profile-" + HtmlText.Token(unit.Unit.Id));
                html.Append("</div>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void YearOverYear(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"year-over-year\">\n");
        Heading(html, model, "h2", "year-over-year", "year-over-year", $" ({model.Content.Previous!.Period} → {model.Result.Period})");
        foreach (var group in model.Groups.Where(g => g.Ranked))
        {
            html.Append("<h3>").Append(HtmlText.Encode(group.Name)).Append("</h3>\n<figure class=\"chart-box\">");
            RankChangeChart.Render(html, model, group, "rank-change-" + HtmlText.Token(group.Key), cancellationToken);
            html.Append("</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Intervals(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"intervals\">\n");
        Heading(html, model, "h2", "intervals", "intervals");
        html.Append("<p class=\"note\">").Append(HtmlText.Encode(model.Label("intervals-note"))).Append("</p>\n");
        foreach (var group in model.Groups.Where(g => g.Units.Any(u => model.Interval(u.Unit.Id) is not null)))
        {
            html.Append("<h3>").Append(HtmlText.Encode(group.Name)).Append("</h3>\n<figure class=\"chart-box\">");
            RankIntervalChart.Render(html, model, group, "rank-interval-" + HtmlText.Token(group.Key), cancellationToken);
            html.Append("</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void UnitsTable(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        var result = model.Result;
        var withinParent = result.Units.Any(u => u.RankWithinParent is not null);
        var withParent = result.Units.Any(u => u.Unit.ParentId is not null);
        var columns = 7 + (withParent ? 1 : 0) + (withinParent ? 1 : 0) + model.MainNodes.Count + (model.HasPrevious ? 1 : 0);
        html.Append("<section aria-labelledby=\"units\">\n");
        Heading(html, model, "h2", "units", "units");
        html.Append("<input id=\"unit-filter\" type=\"search\" hidden placeholder=\"").Append(HtmlText.Encode(model.Label("filter")))
            .Append("\" aria-label=\"").Append(HtmlText.Encode(model.Label("filter"))).Append("\">\n");
        html.Append("<div class=\"table-box\"><table id=\"units-table\">\n<thead><tr>");
        Th(html, model.Label("rank"), true);
        Th(html, model.Label("code"));
        Th(html, model.Label("name"));
        if (withParent)
        {
            Th(html, model.Label("parent"));
        }

        if (withinParent)
        {
            Th(html, model.Label("rank-within-parent"), true);
        }

        Th(html, model.Label("points"), true);
        Th(html, model.Label("max-points"), true);
        Th(html, model.Label("dti"), true);
        Th(html, model.Label("band"));
        foreach (var node in model.MainNodes)
        {
            html.Append("<th class=\"num\" title=\"").Append(HtmlText.Encode(model.NodeTitle(node))).Append("\">").Append(HtmlText.Encode(result.Nodes[node].Code)).Append("</th>");
        }

        if (model.HasPrevious)
        {
            html.Append("<th class=\"num\" title=\"").Append(HtmlText.Encode(model.Label("change-places"))).Append("\">±").Append(HtmlText.Encode(model.Label("rank").ToLowerInvariant())).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var group in model.Groups)
        {
            // A group heading row (no data-unit: the filter leaves it alone).
            html.Append("<tr class=\"group-row\"><th colspan=\"").Append(ReportModel.Integer(columns)).Append("\" scope=\"rowgroup\">").Append(HtmlText.Encode(group.Name));
            if (!group.Ranked)
            {
                html.Append(" <span class=\"gloss\">").Append(HtmlText.Encode(model.Label("not-ranked"))).Append("</span>");
            }

            html.Append("</th></tr>\n");
            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                html.Append("<tr data-unit=\"").Append(HtmlText.Encode(unit.Unit.Id)).Append("\">");
                Td(html, ReportModel.Integer(unit.Rank), true);
                html.Append("<td class=\"code\">").Append(HtmlText.Encode(unit.Unit.Id)).Append("</td>");
                html.Append("<td class=\"name\">").Append(HtmlText.Encode(model.Name(unit.Unit.Name))).Append("</td>");
                if (withParent)
                {
                    Td(html, unit.Unit.ParentId ?? string.Empty);
                }

                if (withinParent)
                {
                    Td(html, ReportModel.Integer(unit.RankWithinParent), true);
                }

                Td(html, ReportModel.Points(unit.Total.Points), true);
                Td(html, ReportModel.Points(unit.Total.MaxPoints), true);
                html.Append("<td class=\"num\"><b>").Append(HtmlText.Encode(model.Ratio(unit.Total.Value))).Append("</b></td>");
                html.Append("<td>");
                Chip(html, model, unit.Band);
                html.Append("</td>");
                foreach (var node in model.MainNodes)
                {
                    var value = unit.Nodes[node].Value;
                    html.Append("<td class=\"num heat\" style=\"background:").Append(ChartColours.Sequential(value)).Append(ChartColours.DarkBackground(value) ? ";color:#fff" : string.Empty).Append("\">")
                        .Append(HtmlText.Encode(double.IsFinite(value) ? model.Ratio(value) : "—")).Append("</td>");
                }

                if (model.HasPrevious)
                {
                    var change = new RankChange(unit, model.Previous(unit.Unit.Id));
                    html.Append("<td class=\"num\">");
                    if (change.Places is { } places)
                    {
                        html.Append("<span class=\"").Append(places > 0 ? "up" : places < 0 ? "down" : "same").Append("\">")
                            .Append(places > 0 ? "▲ +" : places < 0 ? "▼ " : "= ").Append(ReportModel.Integer(places)).Append("</span>");
                    }
                    else if (change.Previous is null)
                    {
                        html.Append(HtmlText.Encode(model.Label("new")));
                    }

                    html.Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void SelfAssessedVsVerified(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"self-vs-verified\">\n");
        Heading(html, model, "h2", "self-vs-verified", "self-vs-verified");
        var differing = model.StagePairs.Where(p => !p.SelfAssessed.Value.Equals(p.Verified.Value)).ToList();
        html.Append("<p>").Append(HtmlText.Encode(string.Format(CultureInfo.InvariantCulture, model.Label("pairs-differ"), differing.Count, model.StagePairs.Count))).Append("</p>\n");
        if (differing.Count == 0)
        {
            html.Append("</section>\n");
            return;
        }

        html.Append("<div class=\"table-box\"><table id=\"self-vs-verified-table\">\n<thead><tr>");
        Th(html, model.Label("unit"));
        Th(html, model.Label("measure"));
        Th(html, model.Label("self-assessed"), true);
        Th(html, model.Label("verified"), true);
        Th(html, model.Label("difference"), true);
        Th(html, model.Label("location"));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var pair in differing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            html.Append("<tr>");
            Td(html, model.Name(pair.Unit.Name));
            html.Append("<td title=\"").Append(HtmlText.Encode(pair.MeasureName)).Append("\">").Append(HtmlText.Encode(pair.MeasureId)).Append("</td>");
            Td(html, ReportModel.Exact(pair.SelfAssessed.Value), true);
            Td(html, ReportModel.Exact(pair.Verified.Value), true);
            var difference = pair.Difference;
            html.Append("<td class=\"num").Append(difference < 0 ? " down" : string.Empty).Append("\">").Append(HtmlText.Encode(ReportModel.Exact(difference))).Append("</td>");
            Td(html, pair.Verified.Provenance.ToString());
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Issues(StringBuilder html, ReportModel model, CancellationToken cancellationToken)
    {
        html.Append("<section aria-labelledby=\"issues\">\n");
        Heading(html, model, "h2", "issues", "issues");
        if (model.Result.Issues.Count == 0)
        {
            html.Append("<p>").Append(HtmlText.Encode(model.Label("issues-none"))).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-box\"><table id=\"issues-table\">\n<thead><tr>");
        Th(html, model.Label("code"));
        Th(html, model.Label("message"));
        Th(html, model.Label("source"));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var issue in model.Result.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            html.Append("<tr>");
            Td(html, issue.Code);
            Td(html, issue.Message);
            Td(html, issue.Provenance?.ToString() ?? string.Empty);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Manifest(StringBuilder html, ReportModel model)
    {
        var manifest = model.Result.Manifest;
        html.Append("<section aria-labelledby=\"manifest\">\n");
        Heading(html, model, "h2", "manifest", "manifest");
        html.Append("<dl class=\"manifest\">\n");
        void Entry(string label, string value) =>
            html.Append("<dt>").Append(HtmlText.Encode(label)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>\n");
        Entry(model.Label("index"), $"{manifest.IndexId} {manifest.IndexVersion}");
        Entry(model.Label("period"), manifest.Period);
        Entry(model.Label("definition-sha"), manifest.DefinitionSha256);
        Entry(model.Label("data-sha"), manifest.DataSha256);
        Entry(model.Label("library"), manifest.LibraryVersion);
        Entry(model.Label("count"), ReportModel.Integer(manifest.UnitCount));
        Entry(model.Label("observations"), ReportModel.Integer(manifest.ObservationCount));
        foreach (var (key, value) in manifest.Options)
        {
            Entry($"{model.Label("options")}: {key}", value);
        }

        html.Append("</dl>\n</section>\n");
    }

    private static void Chip(StringBuilder html, ReportModel model, string? bandId)
    {
        if (model.Band(bandId) is { } band)
        {
            html.Append("<span class=\"chip\" style=\"background:").Append(band.Colour).Append("\">").Append(HtmlText.Encode(band.Name)).Append("</span>");
        }
        else if (bandId is not null)
        {
            html.Append("<span class=\"chip none\">").Append(HtmlText.Encode(bandId)).Append("</span>");
        }
    }

    private static void Th(StringBuilder html, string text, bool numeric = false) =>
        html.Append(numeric ? "<th class=\"num\">" : "<th>").Append(HtmlText.Encode(text)).Append("</th>");

    private static void Td(StringBuilder html, string text, bool numeric = false) =>
        html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(HtmlText.Encode(text)).Append("</td>");
}
