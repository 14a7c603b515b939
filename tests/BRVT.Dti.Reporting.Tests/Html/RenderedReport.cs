using System.Text.RegularExpressions;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Html;

/// <summary>
/// The full HTML report of <see cref="ReportScenario"/>, written by the publisher, opened once in headless Chromium:
/// its DOM after scripts ran and a 1280 × 2000 screenshot (kept in the test output folder for people to look at).
/// </summary>
public sealed partial class RenderedReport : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public string Html { get; private set; } = string.Empty;

    public string Dom { get; private set; } = string.Empty;

    public string Screenshot { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "report-vi.png");

    public async Task InitializeAsync()
    {
        var published = await new ReportPublisher([new HtmlReportWriter()]).PublishAsync(ReportScenario.Content, folder.Path);
        var file = Assert.Single(published).Path;
        Html = await File.ReadAllTextAsync(file);
        Dom = await Chromium.DumpDomAsync(file);
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        File.Copy(file, Path.ChangeExtension(Screenshot, ".html"), overwrite: true);
        await Chromium.ScreenshotAsync(file, Screenshot, 1280, 2000);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The markup of the element <c>svg</c> with an id.</summary>
    public string Svg(string id)
    {
        var match = Regex.Match(Dom, $"<svg[^>]*id=\"{Regex.Escape(id)}\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No <svg id=\"{id}\"> in the rendered DOM");
        return match.Value;
    }

    public static int Count(string markup, string pattern) => Regex.Matches(markup, pattern).Count;
}
