using Microsoft.Extensions.DependencyInjection;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.DependencyInjection;

public sealed class ReportingDtiBuilderExtensionsTests
{
    [Fact]
    public void AddDtiReports_CalledTwice_RegistersTheBuiltInWritersOnceAndThePublisher()
    {
        var services = new ServiceCollection();
        services.AddDti().AddDtiReports();
        services.AddDti().AddDtiReports();
        using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<ReportPublisher>();
        Assert.Equal(["json", "csv", "markdown", "xlsx", "html"], publisher.Writers.Select(w => w.Name));
        Assert.Same(publisher, provider.GetRequiredService<ReportPublisher>());
    }

    [Fact]
    public async Task AddReportWriter_PluginWriter_IsPublishedWithTheOthers()
    {
        var services = new ServiceCollection();
        services.AddDti().AddDtiReports().AddReportWriter<UnitListWriter>();
        using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<ReportPublisher>();
        Assert.Equal("units", publisher.Writers[^1].Name);

        using var folder = new TempFolder();
        var published = await publisher.PublishAsync(ReportScenario.Content, folder.Path, ["units"]);
        var lines = await File.ReadAllLinesAsync(Assert.Single(published).Path);
        Assert.Equal(ReportScenario.Content.Result.Units.Select(u => u.Unit.Id), lines);
    }

    /// <summary>A writer as a plugin would add one.</summary>
    private sealed class UnitListWriter : IReportWriter
    {
        public string Name => "units";

        public string FileName => "units.txt";

        public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
        {
            await using var writer = new StreamWriter(destination, leaveOpen: true) { NewLine = "\n" };
            foreach (var unit in content.Result.Units)
            {
                await writer.WriteLineAsync(unit.Unit.Id);
            }
        }
    }
}
