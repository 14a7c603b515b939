using System.Diagnostics;
using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Reporting;
using BRVT.Dti.Sources.Csv;
using BRVT.Dti.TestUtilities;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Cancellation;

/// <summary>
/// Cancelling <c>dti rank</c> (Ctrl+C) must stop each long step of its library path soon and leave no partial file:
/// reading a large CSV (and its rejects file), preparing and scoring a large input, publishing the reports.
/// The stop latency (from <see cref="CancellationTokenSource.Cancel()"/> to the <see cref="OperationCanceledException"/>)
/// is measured and written to the output and to <c>cancellation-figures.txt</c>; it is asserted under a generous
/// 2 s (the machine is shared) so the test is not flaky.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class CancellationTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private static readonly object FiguresLock = new();

    private readonly string root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dti-cancel", Guid.NewGuid().ToString("N"))).FullName;

    public static string FiguresPath => Path.Combine(AppContext.BaseDirectory, "cancellation-figures.txt");

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ReadAsync_LargeCsvCancelled_StopsWithinTheBoundAndLeavesNoRejectsFile()
    {
        const int Rows = 800_000;
        var path = Path.Combine(root, "ho-so.csv");
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            await writer.WriteLineAsync("ma_ho_so,ma_don_vi,ngay_nhan,truc_tuyen,so_ngay");
            for (var i = 0; i < Rows; i++)
            {
                // One row in a thousand has an unknown unit, so the rejects file has something to hold.
                var unit = i % 1000 == 999 ? "999" : Fixtures.Districts[i % 3].Id;
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"HS{i},{unit},2023-{1 + (i % 12):D2}-15,{i % 2},{i % 30}.5"));
            }
        }

        var source = new CsvRecordsSourceFactory().Create(Fixtures.Configuration(root,
            """{ "name": "ho-so", "type": "csv-records", "path": "ho-so.csv", "records": "dossiers", "rejectsFile": "out/rejects.csv", "mapping": { "unit": "ma_don_vi", "date": "ngay_nhan", "id": "ma_ho_so" } }"""));
        var request = Fixtures.Request(Fixtures.Derived);

        var full = Stopwatch.StartNew();
        var result = await source.ReadAsync(request);
        full.Stop();
        Assert.Equal(Rows, result.Account.RowsRead);
        File.Delete(Path.Combine(root, "out", "rejects.csv"));

        var latency = Running(await MeasureAsync(full.Elapsed, token => source.ReadAsync(request, token).AsTask()));
        Assert.False(File.Exists(Path.Combine(root, "out", "rejects.csv")), "a cancelled read leaves no rejects file");
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "out")));
        Record($"csv-records read of {Rows:N0} rows ({new FileInfo(path).Length / 1048576.0:F1} MiB; full read {full.Elapsed.TotalMilliseconds:F0} ms)", latency);
    }

    [Fact]
    public async Task PrepareAndAssess_LargeInputCancelled_StopWithinTheBound()
    {
        var scenario = ScenarioGenerator.Create(20231, monotone: false);
        var plan = TestIndex.Compile(scenario.DefinitionJson);
        const int UnitCount = 100_000;
        var units = Units(UnitCount, scenario);

        // Preparing streams the observations: 12 million, made as they are read, never held.
        var prepareLatency = Running(await MeasureAsync(TimeSpan.FromMilliseconds(600), token => Task.Run(() => plan.Prepare(units, Stream(units, scenario.Measures, repeat: 20), "2023", token), CancellationToken.None)));
        Record($"ScoringPlan.Prepare over {UnitCount * scenario.Measures.Count * 20:N0} streamed observations", prepareLatency);

        // Scoring: ranking runs assess after assess (scenarios, sensitivity); cancel one in flight.
        var data = plan.Prepare(units, Stream(units, scenario.Measures, repeat: 1), "2023");
        var single = Stopwatch.StartNew();
        Assert.Equal(UnitCount, plan.Assess(data).Units.Count);
        single.Stop();
        var assessLatency = Running(await MeasureAsync(TimeSpan.FromMilliseconds(Math.Max(600, single.Elapsed.TotalMilliseconds * 3)), token => Task.Run(
            () =>
            {
                while (true)
                {
                    plan.Assess(data, token);
                }
            },
            CancellationToken.None)));
        Record($"ScoringPlan.Assess of {UnitCount:N0} units (one assess {single.Elapsed.TotalMilliseconds:F0} ms)", assessLatency);
    }

    [Fact]
    public async Task PublishAsync_LargeReportCancelled_StopsWithinTheBoundAndLeavesNoFile()
    {
        const int UnitCount = 2_000;
        var scenario = ScenarioGenerator.Create(777, monotone: false);
        var plan = TestIndex.Compile(scenario.DefinitionJson);
        var units = Units(UnitCount, scenario);
        var content = new ReportContent { Definition = plan.Definition, Result = plan.Assess(units, Stream(units, scenario.Measures, repeat: 1), "2023") };
        var publisher = ReportPublisher.CreateDefault();
        Assert.True(publisher.Writers.Count >= 5);

        // Warm up (JIT) so the full publish measured below is the usual duration, then one format at a time, so
        // the figure says which writer is slow to stop.
        await publisher.PublishAsync(content, Path.Combine(root, "warm-up"));
        foreach (var format in publisher.Writers.Select(w => w.Name))
        {
            var full = Stopwatch.StartNew();
            var published = Assert.Single(await publisher.PublishAsync(content, Path.Combine(root, "full"), [format]));
            full.Stop();

            var folder = Path.Combine(root, "cancelled-" + format);
            if (full.Elapsed < TimeSpan.FromMilliseconds(150))
            {
                Record($"ReportPublisher.PublishAsync {format} for {UnitCount:N0} units: not measured, the whole publish takes {full.Elapsed.TotalMilliseconds:F0} ms", null);
                continue;
            }

            var latency = await MeasureAsync(full.Elapsed, token => publisher.PublishAsync(content, folder, [format], token));
            if (latency is null)
            {
                Record($"ReportPublisher.PublishAsync {format} for {UnitCount:N0} units: not measured, the publish ended before every cancellation tried (full publish {full.Elapsed.TotalMilliseconds:F0} ms)", null);
                continue;
            }

            Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
            Record($"ReportPublisher.PublishAsync {format} for {UnitCount:N0} units ({published.Length / 1024.0:F0} KiB; full publish {full.Elapsed.TotalMilliseconds:F0} ms)", latency);
        }
    }

    /// <summary>
    /// Starts the operation, cancels it a quarter of the way through its usual duration and measures how long it takes
    /// to stop. When the operation ends before the cancellation (the machine is shared, durations vary), it is tried
    /// again with an earlier cancellation, up to four times; <see langword="null"/> when it was never caught running.
    /// An operation that was running when cancelled but finished anyway had passed its last check of the token (the
    /// xlsx writer checks it between sheets only): it is tried again with an earlier cancellation too, and fails the
    /// test when it never stops.
    /// </summary>
    private static async Task<TimeSpan?> MeasureAsync(TimeSpan usual, Func<CancellationToken, Task> operation)
    {
        var delay = Math.Max(10, usual.TotalMilliseconds / 4);
        var ignored = 0;
        for (var attempt = 0; ; attempt++)
        {
            using var cancellation = new CancellationTokenSource();
            // On the pool: writers do much of their work synchronously before their first await.
            var task = Task.Run(() => operation(cancellation.Token), CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(delay));
            if (task.IsCompleted)
            {
                await task;
                if (attempt >= 3)
                {
                    return null; // too quick to catch running: the caller decides whether that is acceptable
                }

                delay = Math.Max(5, delay / 3);
                continue;
            }

            var watch = Stopwatch.StartNew();
            await cancellation.CancelAsync();
            try
            {
                await task;
                Assert.True(++ignored < 4, "the operation was cancelled while running, four times, and never stopped");
                delay = Math.Max(5, delay / 3);
                continue;
            }
            catch (OperationCanceledException)
            {
            }

            watch.Stop();
            Assert.True(watch.Elapsed < Bound, $"stopped {watch.Elapsed.TotalMilliseconds:F0} ms after the cancellation, over the {Bound.TotalSeconds} s bound");
            return watch.Elapsed;
        }
    }

    private static TimeSpan Running(TimeSpan? latency)
    {
        Assert.True(latency.HasValue, "the operation must still be running when it is cancelled (make the input larger)");
        return latency.Value;
    }

    private void Record(string what, TimeSpan? latency)
    {
        var line = latency is { } stop ? string.Create(CultureInfo.InvariantCulture, $"{what}: stopped {stop.TotalMilliseconds:F1} ms after cancellation; no partial file left") : what;
        output.WriteLine(line);
        lock (FiguresLock)
        {
            File.AppendAllLines(FiguresPath, [line]);
        }
    }

    private static List<UnitInfo> Units(int count, Scenario scenario) =>
        [.. Enumerable.Range(0, count).Select(u => new UnitInfo
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"u{u:D6}"),
            Name = new LocalizedText(string.Create(CultureInfo.InvariantCulture, $"Đơn vị {u}")),
            Kind = "agency",
            Group = scenario.Units[u % scenario.Units.Count].Group,
            ParentId = scenario.Units[u % scenario.Units.Count].ParentId,
        })];

    /// <summary>Observations made while they are read; repeated rounds are other periods' rows, skipped by Prepare.</summary>
    private static IEnumerable<Observation> Stream(IReadOnlyList<UnitInfo> units, IReadOnlyList<string> measures, int repeat)
    {
        var provenance = new Provenance("gen", "generated");
        for (var r = 0; r < repeat; r++)
        {
            var period = r == 0 ? "2023" : "2022";
            for (var u = 0; u < units.Count; u++)
            {
                for (var m = 0; m < measures.Count; m++)
                {
                    yield return new Observation(units[u].Id, measures[m], period, ((u * 31) + (m * 7)) % 101, provenance);
                }
            }
        }
    }
}
