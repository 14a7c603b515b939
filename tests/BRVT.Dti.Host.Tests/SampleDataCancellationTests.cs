using System.Diagnostics;
using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Host.Commands;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Host.Samples;
using BRVT.Dti.Host.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BRVT.Dti.Host.Tests;

/// <summary>
/// Ctrl+C while the sample's data is generated (its first run) stops the generator soon, leaves no stamp (so the next
/// run generates again) and no temporary file; the stop latency is written to the output. Comparing two periods
/// honours the token too.
/// </summary>
public sealed class SampleDataCancellationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = DtiProcess.TempDirectory();

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Generate_CancelledEarlyMidwayAndLate_ThrowsAndLeavesNoStampNorTemporaryFile()
    {
        CopySample();
        using var services = HostServices.Create();
        var workspace = await WorkspaceLoader.LoadAsync(WorkspaceLoader.ReadSettings(directory), services.GetRequiredService<DtiEngine>(), CancellationToken.None);
        SampleDataGenerator.Generate(workspace, CancellationToken.None); // warm-up (JIT), so the run timed below is the usual duration
        var full = Stopwatch.StartNew();
        SampleDataGenerator.Generate(workspace, CancellationToken.None);
        full.Stop();
        Assert.True(SampleDataGenerator.IsCurrent(directory));

        var caught = 0;
        foreach (var fraction in (double[])[0.02, 0.1, 0.5, 0.9])
        {
            using var cancellation = new CancellationTokenSource();
            var task = Task.Run(() => SampleDataGenerator.Generate(workspace, cancellation.Token), CancellationToken.None);
            await Task.Delay(full.Elapsed * fraction);
            var watch = Stopwatch.StartNew();
            await cancellation.CancelAsync();
            try
            {
                await task;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample data (full run {full.Elapsed.TotalMilliseconds:F0} ms), cancelled at {fraction:P0}: had finished"));
                continue;
            }
            catch (OperationCanceledException)
            {
                watch.Stop();
            }

            caught++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample data (full run {full.Elapsed.TotalMilliseconds:F0} ms), cancelled at {fraction:P0}: stopped {watch.Elapsed.TotalMilliseconds:F1} ms after cancellation"));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"stopped {watch.Elapsed.TotalMilliseconds:F0} ms after the cancellation, over the 2 s bound");
            Assert.False(SampleDataGenerator.IsCurrent(directory), "a cancelled generation leaves no stamp, so the next run generates again");
            Assert.Empty(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories));
        }

        Assert.True(caught > 0, "the generator must still be running when it is cancelled at least once");
        SampleDataGenerator.Generate(workspace, CancellationToken.None);
        Assert.True(SampleDataGenerator.IsCurrent(directory));
    }

    [Fact]
    public async Task Compare_TokenCancelled_Throws()
    {
        CopySample();
        using var session = await Session.OpenAsync(directory, new ConsoleProgress(quiet: true), CancellationToken.None);
        var settings = session.Workspace.Settings;
        var before = await session.AssessAsync(settings.PreviousPeriod!, new ConsoleProgress(quiet: true), RejectionMode.Lenient, CancellationToken.None);
        var after = await session.AssessAsync(settings.Period, new ConsoleProgress(quiet: true), RejectionMode.Lenient, CancellationToken.None);
        var index = after.Indices[0];
        Assert.NotEmpty(PeriodComparison.Compare(before.Find(index.Index.Id)!.Result, index.Result, CancellationToken.None));
        Assert.ThrowsAny<OperationCanceledException>(() => PeriodComparison.Compare(before.Find(index.Index.Id)!.Result, index.Result, new CancellationToken(canceled: true)));
    }

    /// <summary>The bundled sample workspace without its generated data, as <c>dti init</c> copies it.</summary>
    private void CopySample()
    {
        var template = WorkspaceOptions.SampleWorkspace;
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (relative is SampleDataGenerator.DossierFile or SampleDataGenerator.StampFile || top.All(char.IsAsciiDigit) || relative.EndsWith(".tmp", StringComparison.Ordinal) || relative.EndsWith(".lock", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
