using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;
using Xunit.Abstractions;

namespace BRVT.Dti.Sources.Csv.Tests.Large;

/// <summary>
/// The measurement behind the plugin README's numbers: a generated dossier file of 10 million rows (or
/// <c>DTI_LARGE_ROWS</c>) in /tmp, read through <c>csv-records</c> in one streaming pass. Run by hand:
/// <c>DTI_LARGE_TESTS=1 dotnet test tests/BRVT.Dti.Sources.Csv.Tests -c Release --filter Category=Large --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Large")]
public sealed class LargeDossierFileTests(ITestOutputHelper output)
{
    private const int Units = 500;

    [LargeFact]
    public async Task ReadAsync_TenMillionDossiers_AggregatesInOneStreamingPassWithBoundedMemory()
    {
        var rows = long.Parse(Environment.GetEnvironmentVariable("DTI_LARGE_ROWS") ?? "10000000", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "dti-csv-large");
        var path = Path.Combine(folder, $"dossiers-{rows}.csv");
        var generation = Stopwatch.StartNew();
        var expected = DossierGenerator.Write(path, rows, Units);
        generation.Stop();
        var bytes = new FileInfo(path).Length;
        try
        {
            var configuration = new DataSourceConfiguration
            {
                Name = "dossiers",
                Type = "csv-records",
                Settings = System.Text.Json.JsonDocument.Parse(DossierGenerator.Settings(Path.GetFileName(path))).RootElement.Clone(),
                BaseDirectory = folder,
                ConfigurationFile = Path.Combine(folder, "sources.json"),
                Pointer = "/sources/0",
            };
            var source = new CsvRecordsSourceFactory().Create(configuration);
            var units = DossierGenerator.Units(Units);
            var request = Requests.Request(DossierGenerator.Measures, units: units);

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var reset = MemoryProbe.ResetPeak();
            var rssBefore = MemoryProbe.Status("VmRSS");
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gen2Before = GC.CollectionCount(2);
            var read = Stopwatch.StartNew();
            var result = await source.ReadAsync(request);
            read.Stop();
            var peak = MemoryProbe.Status("VmHWM");
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var gen2 = GC.CollectionCount(2) - gen2Before;
            var heap = GC.GetGCMemoryInfo();

            var report = string.Join(Environment.NewLine,
                $"rows: {rows:N0}; file: {bytes / 1e6:F0} MB; units: {Units}; measures: {DossierGenerator.Measures.Length}",
                $"generation: {generation.Elapsed.TotalSeconds:F1} s",
                $"read + aggregate: {read.Elapsed.TotalSeconds:F1} s ({rows / read.Elapsed.TotalSeconds / 1e6:F2} M rows/s, {bytes / read.Elapsed.TotalSeconds / 1e6:F0} MB/s)",
                $"resident before the read: {rssBefore / 1048576.0:F1} MiB; peak during the read (VmHWM{(reset ? ", reset before" : ", not reset: process peak")}): {peak / 1048576.0:F1} MiB; growth: {(peak - rssBefore) / 1048576.0:F1} MiB",
                $"managed: allocated {allocated / 1048576.0:F1} MiB during the read ({(double)allocated / rows:F1} B/row); heap after {heap.HeapSizeBytes / 1048576.0:F1} MiB; gen2 collections {gen2}",
                $"process peak working set (whole run, generation included): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MiB",
                $"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {Environment.ProcessorCount} cores; server GC: {GCSettings.IsServerGC}");
            output.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(folder, $"result-{rows}.txt"), report + Environment.NewLine);

            Assert.True(result.Account.Balances);
            Assert.Equal(rows, result.Account.RowsRead);
            Assert.Equal(rows, result.Account.RowsAccepted);
            for (var m = 0; m < DossierGenerator.Measures.Length; m++)
            {
                for (var u = 0; u < Units; u++)
                {
                    Assert.Equal(expected[m][u], result.Observations[(m * Units) + u].Value);
                }
            }

            // Bounded: the read holds accumulators per unit and measure and one buffer, whatever the file's size.
            Assert.True(peak - rssBefore < 200L * 1048576, $"The read grew the resident set by {(peak - rssBefore) / 1048576.0:F1} MiB.");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("DTI_LARGE_KEEP") != "1")
            {
                File.Delete(path);
            }
        }
    }
}
