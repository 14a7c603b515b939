using System.Text;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Html;

/// <summary>The page's error marker works: a script error in the report shows up in the DOM Chromium dumps.</summary>
public sealed class ErrorTrapTests
{
    [Fact]
    public async Task Render_ReportWithABrokenScript_RecordsTheErrorAndIsNotReady()
    {
        using var stream = new MemoryStream();
        await new HtmlReportWriter().WriteAsync(ReportScenario.WithNames("Sở A", "Sở B"), stream);
        var html = Encoding.UTF8.GetString(stream.ToArray()).Replace("<main>", "<main><script>notAFunction();</script>", StringComparison.Ordinal);
        html = html.Replace("document.body.dataset.ready='1';", "document.body.dataset.ready='1';alsoNotAFunction();", StringComparison.Ordinal);
        using var folder = new TempFolder();
        var file = folder.File("broken.html");
        await File.WriteAllTextAsync(file, html, new UTF8Encoding(false));

        var dom = await Chromium.DumpDomAsync(file);

        Assert.Matches("<body[^>]*data-errors=\"[^\"]*notAFunction is not defined[^\"]*\\| [^\"]*alsoNotAFunction is not defined", dom);
    }
}
