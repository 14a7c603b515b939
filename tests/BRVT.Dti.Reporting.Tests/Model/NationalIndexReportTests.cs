using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Reporting.Tests.Html;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Model;

/// <summary>
/// Reports on the national DTI 2022 (shipped definition): no groups, no bands, and two top-level groups holding the
/// nine main indicators, so the reports must find the main indicators one level down and colour bars without bands.
/// </summary>
public sealed class NationalIndexReportTests
{
    private static readonly Lazy<ReportContent> Content = new(Build);

    [Fact]
    public void Create_TwoTopLevelGroups_TakesTheNineMainIndicatorsOneLevelDown()
    {
        var model = ReportModel.Create(Content.Value);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], model.MainNodes.Select(n => Content.Value.Result.Nodes[n].Code));
        var group = Assert.Single(model.Groups);
        Assert.Null(group.Id);
        Assert.Equal("Tất cả đơn vị", group.Name);
        Assert.Empty(model.Bands);
        Assert.Equal([1, 2, 3, 4, 5, 6], group.Units.Select(u => u.Rank));
    }

    [Fact]
    public async Task WriteAsync_Csv_HasTheNineMainIndicatorsAndThePillars()
    {
        using var stream = new MemoryStream();
        await new CsvReportWriter().WriteAsync(Content.Value, stream);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(stream.ToArray()[3..]));
        Assert.Equal(["value_1", "value_2", "value_3", "value_4", "value_5", "value_6", "value_7", "value_8", "value_9", "view_CQS", "view_KTS", "view_XHS"], rows[0][10..]);
        Assert.Equal(7, rows.Count);

        // Smart city (6) is worth 0 points: it has no share, so its field is empty.
        Assert.All(rows.Skip(1), r => Assert.Equal(string.Empty, r[Array.IndexOf(rows[0], "value_6")]));
    }

    [Fact]
    public async Task Render_NationalIndex_ChartsWithoutBandsAndOneRankingSheet()
    {
        using var folder = new TempFolder();
        var published = await new ReportPublisher([new HtmlReportWriter(), new ExcelReportWriter()]).PublishAsync(Content.Value, folder.Path);
        var dom = await Chromium.DumpDomAsync(published[0].Path);
        Assert.Matches("<body[^>]*data-ready=\"1\"", dom);
        Assert.DoesNotMatch("<(html|body)[^>]*data-errors=", dom);
        Assert.Equal(6, Regex.Matches(dom, "<rect class=\"bar\"[^>]*fill=\"#4a6fa5\"").Count);
        Assert.Equal(6 * 9, Regex.Matches(dom, "<rect class=\"cell").Count);
        Assert.Equal(6, Regex.Matches(dom, "<rect class=\"cell missing\"").Count);

        // Radar axes leave out the smart-city indicator worth 0 points.
        var radar = Regex.Match(dom, "<svg[^>]*data-chart=\"radar\"[^>]*>.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(8, Regex.Matches(radar, "class=\"spoke\"").Count);

        using var workbook = new Excel.Workbook(File.OpenRead(published[1].Path));
        Assert.Equal(["Xếp hạng", "Điểm theo chỉ tiêu", "Giải trình điểm", "Tự đánh giá và thẩm định", "Thông tin tái lập kết quả"], workbook.SheetNames);
    }

    private static ReportContent Build()
    {
        var path = Path.Combine(ReportScenario.RepoRoot(), "indicators", "vn-dti-province-2022", "index.json");
        var plan = new DtiEngine().LoadDefinition(File.ReadAllText(path), path).Plan!;
        (string Id, string Name, double Quality)[] provinces =
        [
            ("da-nang", "TP. Đà Nẵng", 0.80), ("ho-chi-minh", "TP. Hồ Chí Minh", 0.74), ("quang-ninh", "Quảng Ninh", 0.71),
            ("thua-thien-hue", "Thừa Thiên - Huế", 0.69), ("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", 0.61), ("can-tho", "TP. Cần Thơ", 0.55),
        ];
        var units = provinces.Select(p => new UnitInfo { Id = p.Id, Name = new LocalizedText(p.Name), Kind = "province" }).ToList();
        var random = new Random(922);
        var observations = provinces.SelectMany(p => plan.Definition.Measures.Select((m, row) => new Observation(
            p.Id, m.Id, "2022", Math.Round(Math.Clamp(p.Quality + ((random.NextDouble() - 0.5) * 0.2), 0, 1), 4),
            new Provenance("published-2022.csv", string.Create(CultureInfo.InvariantCulture, $"published-2022.csv:{row + 2}"), "verified"))));
        var data = plan.Prepare(units, observations, "2022");
        var result = plan.Assess(data);
        Assert.Empty(result.Issues);
        return new ReportContent
        {
            Definition = plan.Definition,
            Result = result,
            Explanations = [.. units.Select(u => plan.Explain(data, result, u.Id))],
        };
    }
}
