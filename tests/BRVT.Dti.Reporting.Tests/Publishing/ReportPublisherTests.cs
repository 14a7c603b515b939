using System.Globalization;
using System.Text;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Publishing;

public sealed class ReportPublisherTests
{
    [Fact]
    public async Task PublishAsync_DefaultWriters_WritesEveryReportAndReturnsTheFiles()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "dti-out");
        var published = await ReportPublisher.CreateDefault().PublishAsync(ReportScenario.Content, output);
        Assert.Equal(["json", "csv", "markdown", "xlsx", "html"], published.Select(p => p.Format));
        Assert.Equal(["results.json", "ranking.csv", "report.md", "report.xlsx", "report.html"], published.Select(p => Path.GetFileName(p.Path)));
        Assert.All(published, p =>
        {
            Assert.Equal(Path.Combine(output, Path.GetFileName(p.Path)), p.Path);
            Assert.Equal(new FileInfo(p.Path).Length, p.Length);
            Assert.True(p.Length > 200, $"{p.Path} is nearly empty");
        });
        Assert.Equal(5, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task PublishAsync_SelectedFormatsInAnyCase_WritesOnlyThoseInWriterOrder()
    {
        using var folder = new TempFolder();
        var published = await ReportPublisher.CreateDefault().PublishAsync(ReportScenario.Content, folder.Path, ["HTML", "csv", "html"]);
        Assert.Equal(["csv", "html"], published.Select(p => p.Format));
        Assert.Equal(["ranking.csv", "report.html"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_UnknownFormat_ThrowsNamingTheKnownOnesAndWritesNothing()
    {
        using var folder = new TempFolder();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ReportPublisher.CreateDefault().PublishAsync(ReportScenario.Content, folder.Path, ["pdf"]));
        Assert.Contains("'pdf'", error.Message, StringComparison.Ordinal);
        Assert.Contains("json, csv, markdown, xlsx, html", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task PublishAsync_WriterThrowsHalfway_LeavesNoPartialFileAndReplacesNothing()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("results.json"), "previous run");
        await File.WriteAllTextAsync(folder.File("broken.txt"), "previous broken report");
        var publisher = new ReportPublisher([new JsonReportWriter(), new BrokenWriter(), new HtmlReportWriter()]);

        var error = await Assert.ThrowsAsync<ReportWriterException>(() => publisher.PublishAsync(ReportScenario.Content, folder.Path));

        Assert.Equal("broken", error.Writer);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("No report was replaced", error.Message, StringComparison.Ordinal);
        Assert.Equal("previous run", await File.ReadAllTextAsync(folder.File("results.json")));
        Assert.Equal("previous broken report", await File.ReadAllTextAsync(folder.File("broken.txt")));
        Assert.Equal(["broken.txt", "results.json"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_ExistingReports_AreReplacedWhole()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("ranking.csv"), new string('x', 1_000_000));
        var published = await new ReportPublisher([new CsvReportWriter()]).PublishAsync(ReportScenario.Content, folder.Path);
        var text = await File.ReadAllTextAsync(Assert.Single(published).Path, Encoding.UTF8);
        Assert.StartsWith("unit,name,group,rank", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task PublishAsync_Cancelled_ThrowsAndLeavesNoFile()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var publisher = new ReportPublisher([new JsonReportWriter(), new CancellingWriter(cancellation), new CsvReportWriter()]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publisher.PublishAsync(ReportScenario.Content, folder.Path, cancellationToken: cancellation.Token));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Constructor_TwoWritersWithOneFileName_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportPublisher([new CsvReportWriter(), new SameFileWriter()]));
        Assert.Contains("'csv'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ranking.csv", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("sub/report.txt")]
    [InlineData("")]
    public void Constructor_FileNameThatIsNotAPlainName_Throws(string fileName)
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportPublisher([new NamedWriter(fileName)]));
        Assert.Contains("plain file name", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes some bytes, then fails, as a writer with a defect would.</summary>
    private sealed class BrokenWriter : IReportWriter
    {
        public string Name => "broken";

        public string FileName => "broken.txt";

        public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
        {
            await destination.WriteAsync(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"half of a report of {content.Result.Units.Count} units")), cancellationToken);
            await destination.FlushAsync(cancellationToken);
            throw new InvalidOperationException("the writer has a defect");
        }
    }

    private sealed class CancellingWriter(CancellationTokenSource cancellation) : IReportWriter
    {
        public string Name => "cancelling";

        public string FileName => "cancelling.txt";

        public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
        {
            await destination.WriteAsync(new byte[] { 1, 2, 3 }, cancellationToken);
            await cancellation.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private sealed class SameFileWriter : IReportWriter
    {
        public string Name => "other";

        public string FileName => "ranking.csv";

        public Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class NamedWriter(string fileName) : IReportWriter
    {
        public string Name => "named";

        public string FileName => fileName;

        public Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
