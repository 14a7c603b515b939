using System.Text;
using System.Text.RegularExpressions;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Html;

public sealed class HtmlEncodingTests
{
    private static readonly string[] Hostile =
    [
        "<script>document.body.dataset.pwned='1'</script>",
        "</svg><img src=x onerror=\"document.body.dataset.pwned='2'\">",
        "Sở \"Tư pháp\" & 'Công an'",
        "</title></text><b>đậm</b>",
        "Ban\u0001Dân tộc",
    ];

    [Fact]
    public async Task WriteAsync_HostileUnitNames_AreEncodedEverywhere()
    {
        var html = await Write(ReportScenario.WithNames(Hostile));
        Assert.Equal(2, Regex.Matches(html, "<script>").Count);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>đậm", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.body.dataset.pwned=&#39;1&#39;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Sở &quot;Tư pháp&quot; &amp; &#39;Công an&#39;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HostileUnitNames_AppearAsTextAndRunNothing()
    {
        using var folder = new TempFolder();
        var file = folder.File("report.html");
        await File.WriteAllTextAsync(file, await Write(ReportScenario.WithNames(Hostile)), new UTF8Encoding(false));
        var dom = await Chromium.DumpDomAsync(file);
        Assert.Matches("<body[^>]*data-ready=\"1\"", dom);
        Assert.DoesNotContain("data-pwned", dom, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(html|body)[^>]*data-errors=", dom);
        Assert.DoesNotContain("<img", dom, StringComparison.Ordinal);

        // Each name is a cell of the unit table, as text.
        var table = Regex.Match(dom, "<table id=\"units-table\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"name\">&lt;script&gt;document.body.dataset.pwned='1'&lt;/script&gt;</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"name\">&lt;/svg&gt;&lt;img src=x onerror=\"document.body.dataset.pwned='2'\"&gt;</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"name\">Sở \"Tư pháp\" &amp; 'Công an'</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"name\">&lt;/title&gt;&lt;/text&gt;&lt;b&gt;đậm&lt;/b&gt;</td>", table, StringComparison.Ordinal);

        // Every chart is still whole: one bar per unit of each group.
        Assert.Equal(Hostile.Length, Regex.Matches(dom, "<rect class=\"bar\"").Count);
    }

    [Fact]
    public async Task WriteAsync_English_UsesEnglishLabelsAndLang()
    {
        var html = await Write(ReportScenario.Content with { Language = "en" });
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains(">Ranking</h2>", html, StringComparison.Ordinal);
        Assert.Contains(ReportScenario.Content.Definition.Title.En!, html, StringComparison.Ordinal);

        // Unit names have no English text here: they fall back to Vietnamese.
        Assert.Contains("Sở Thông tin và Truyền thông", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Vietnamese_HasVietnameseLabelsWithEnglishGlosses()
    {
        var html = await Write(ReportScenario.Content);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng<span class=\"gloss\" lang=\"en\">Ranking</span>", html, StringComparison.Ordinal);
    }

    private static async Task<string> Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        await new HtmlReportWriter().WriteAsync(content, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
