using System.Text.RegularExpressions;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Tests.Html;

/// <summary>The HTML report as a person sees it: opened in real headless Chromium, its DOM checked, a screenshot taken.</summary>
public sealed class HtmlReportWriterChromiumTests(RenderedReport report) : IClassFixture<RenderedReport>
{
    private static ReportModel Model => ReportModel.Create(ReportScenario.Content);

    [Fact]
    public void Render_FullReport_ScriptsRanToTheEndWithoutErrors()
    {
        Assert.Matches("<body[^>]*data-ready=\"1\"", report.Dom);
        Assert.DoesNotMatch("<(html|body)[^>]*data-errors=", report.Dom);
    }

    [Fact]
    public void Render_FullReport_ListsEveryUnitInTheTable()
    {
        var table = Regex.Match(report.Dom, "<table id=\"units-table\">.*?</table>", RegexOptions.Singleline).Value;
        foreach (var unit in ReportScenario.Content.Result.Units)
        {
            Assert.Contains($"<tr data-unit=\"{unit.Unit.Id}\">", table, StringComparison.Ordinal);
            Assert.Contains(unit.Unit.Name.Vi, table, StringComparison.Ordinal);
        }

        Assert.Equal(ReportScenario.Content.Result.Units.Count, RenderedReport.Count(table, "<tr data-unit="));
    }

    [Fact]
    public void Render_RankingCharts_OneBarPerUnitOfEachGroupColouredByBand()
    {
        foreach (var group in Model.Groups)
        {
            var svg = report.Svg("ranking-" + BRVT.Dti.Reporting.Html.HtmlText.Token(group.Key));
            Assert.Equal(group.Units.Count, RenderedReport.Count(svg, "<rect class=\"bar\""));
            Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
            Assert.Matches("<title id=\"[^\"]+-title\">", svg);
            foreach (var unit in group.Units)
            {
                var band = Model.Band(unit.Band)!;
                Assert.Matches($"<rect class=\"bar\" data-unit=\"{unit.Unit.Id}\"[^>]*fill=\"{band.Colour}\"", svg);
            }
        }
    }

    [Fact]
    public void Render_Heatmap_HasACellForEveryUnitAndMainIndicator()
    {
        var svg = report.Svg("heatmap-chart");
        var units = ReportScenario.Content.Result.Units.Count;
        Assert.Equal(7, Model.MainNodes.Count);
        Assert.Equal(units * Model.MainNodes.Count, RenderedReport.Count(svg, "<rect class=\"cell"));

        // Each cell's colour is the unit's share on the indicator.
        foreach (var unit in ReportScenario.Content.Result.Units)
        {
            var fills = Regex.Matches(svg, $"<rect class=\"cell\" data-unit=\"{unit.Unit.Id}\"[^>]*fill=\"(#[0-9a-f]{{6}})\"").Select(m => m.Groups[1].Value);
            Assert.Equal(Model.MainNodes.Select(n => BRVT.Dti.Reporting.Html.ChartColours.Sequential(unit.Nodes[n].Value)), fills);
        }
    }

    [Fact]
    public void Render_Profiles_OneRadarPolygonPerUnit()
    {
        var radars = Regex.Matches(report.Dom, "<svg[^>]*data-chart=\"radar\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.Equal(ReportScenario.Content.Result.Units.Count, radars.Count);
        Assert.All(radars, radar =>
        {
            Assert.Equal(1, RenderedReport.Count(radar.Value, "<polygon class=\"profile\""));
            Assert.Equal(1, RenderedReport.Count(radar.Value, "<polygon class=\"mean\""));
        });
    }

    [Fact]
    public void Render_YearOverYear_OneChangeBarPerRankedUnit()
    {
        var ranked = Model.Groups.Single(g => g.Ranked);
        var svg = report.Svg("rank-change-" + BRVT.Dti.Reporting.Html.HtmlText.Token(ranked.Key));
        Assert.Equal(ranked.Units.Count, RenderedReport.Count(svg, "<rect class=\"change\""));
        Assert.DoesNotContain("rank-change-" + BRVT.Dti.Reporting.Html.HtmlText.Token("so-khong-dvc"), report.Dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RankIntervals_OneIntervalPerRankedUnit()
    {
        var ranked = Model.Groups.Single(g => g.Ranked);
        var svg = report.Svg("rank-interval-" + BRVT.Dti.Reporting.Html.HtmlText.Token(ranked.Key));
        Assert.Equal(ranked.Units.Count, RenderedReport.Count(svg, "<g class=\"interval\""));
        Assert.Equal(ranked.Units.Count, RenderedReport.Count(svg, "<circle class=\"median\""));
    }

    [Fact]
    public void Render_FullReport_ShowsIssuesManifestAndSelfAssessedPairs()
    {
        var manifest = ReportScenario.Content.Result.Manifest;
        Assert.Contains(manifest.DefinitionSha256, report.Dom, StringComparison.Ordinal);
        Assert.Contains(manifest.DataSha256, report.Dom, StringComparison.Ordinal);
        Assert.Contains("id=\"issues\"", report.Dom, StringComparison.Ordinal);
        Assert.Contains("id=\"self-vs-verified\"", report.Dom, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", report.Dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullReport_HasNoExternalReference()
    {
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", report.Html);
        Assert.DoesNotContain("@import", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Screenshot_FullReport_IsANonTrivialPng()
    {
        var (width, height, colours, ink) = Png.Inspect(report.Screenshot);
        Assert.Equal(1280, width);
        Assert.Equal(2000, height);
        Assert.True(new FileInfo(report.Screenshot).Length > 40_000, "the screenshot is suspiciously small");
        Assert.True(colours > 200, $"only {colours} colours: the page looks blank");
        Assert.InRange(ink, 0.03, 0.6);
    }
}
