using System.Globalization;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Reporting.Tests.Publishing;

public sealed class DeterminismTests
{
    [Fact]
    public async Task PublishAsync_SameContentTwiceUnderDifferentCultures_GivesTheSameBytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var publisher = ReportPublisher.CreateDefault();
        var reports = await publisher.PublishAsync(ReportScenario.Content, first.Path);

        // The second run under Vietnamese culture (decimal comma) and a minute later: nothing may change.
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await publisher.PublishAsync(ReportScenario.Content with { }, second.Path);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        foreach (var report in reports)
        {
            var name = Path.GetFileName(report.Path);
            var one = await File.ReadAllBytesAsync(report.Path);
            var two = await File.ReadAllBytesAsync(second.File(name));
            Assert.True(one.SequenceEqual(two), $"{name} differs between two runs on the same content");
        }
    }
}
