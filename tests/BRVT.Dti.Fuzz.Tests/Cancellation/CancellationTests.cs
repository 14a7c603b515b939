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

    private readonly TempFolder folder = new("dti-cancel-");

    public static string FiguresPath => Path.Combine(AppContext.BaseDirectory, "cancellation-figures.txt");

    private string root => folder.Path;

    public void Dispose() => folder.Dispose();

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

        // Preparing streams the observations, made as they are read and never held. The stream does not end (the
        // rounds after the first are other periods' rows, which Prepare counts and skips), so the preparation is
        // always running when it is cancelled, however fast or busy the machine: only the cancellation stops it.
        var prepareLatency = Running(await MeasureAsync(TimeSpan.FromMilliseconds(600), token => Task.Run(() => plan.Prepare(units, Stream(units, scenario.Measures, repeat: int.MaxValue), "2023", token), CancellationToken.None)));
        Record($"ScoringPlan.Prepare over an endless stream of observations ({UnitCount * scenario.Measures.Count:N0} a round)", prepareLatency);

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

    /// <summary>
    /// Publishing the reports of thousands of units as the host does (an explanation of every unit, the previous
    /// period, rank intervals, self-assessed and verified values), one format at a time so the figure says which
    /// writer is slow to stop, each cancelled early, midway and late in its usual duration.
    /// </summary>
    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public async Task PublishAsync_LargeReportCancelledEarlyMidwayAndLate_StopsWithinTheBoundAndLeavesNoFile(int unitCount)
    {
        var content = ReportContentOf(unitCount);
        var publisher = ReportPublisher.CreateDefault();
        Assert.True(publisher.Writers.Count >= 5);

        // Warm up (JIT) so the full publish measured below is the usual duration.
        await publisher.PublishAsync(content, Path.Combine(root, "warm-up"));
        foreach (var format in publisher.Writers.Select(w => w.Name))
        {
            var full = Stopwatch.StartNew();
            var published = Assert.Single(await publisher.PublishAsync(content, Path.Combine(root, "full"), [format]));
            full.Stop();
            var what = string.Create(CultureInfo.InvariantCulture, $"ReportPublisher.PublishAsync {format} for {unitCount:N0} units ({published.Length / 1024.0:F0} KiB; full publish {full.Elapsed.TotalMilliseconds:F0} ms)");
            if (full.Elapsed < TimeSpan.FromMilliseconds(30))
            {
                Record($"{what}: not measured, too quick to cancel while it runs", null);
                continue;
            }

            foreach (var fraction in (double[])[0.1, 0.5, 0.9])
            {
                // A folder per attempt: an attempt that ends before it is cancelled leaves its (complete) report.
                var folder = string.Empty;
                var latency = await MeasureAsync(full.Elapsed, fraction, token =>
                {
                    folder = Path.Combine(root, "cancelled-" + Guid.NewGuid().ToString("N"));
                    return publisher.PublishAsync(content, folder, [format], token);
                });
                if (latency is not null)
                {
                    // The attempt that was cancelled left nothing; one that ended first left its whole report.
                    Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
                }

                Record(string.Create(CultureInfo.InvariantCulture, $"{what}, cancelled at {fraction:P0}") + (latency is null ? ": not measured, it ended before every cancellation tried" : string.Empty), latency);
            }
        }
    }

    /// <summary>Starts the operation, cancels it a quarter of the way through its usual duration and measures how long it takes to stop.</summary>
    private static Task<TimeSpan?> MeasureAsync(TimeSpan usual, Func<CancellationToken, Task> operation) =>
        MeasureAsync(TimeSpan.FromMilliseconds(Math.Max(40, usual.TotalMilliseconds)), 0.25, operation);

    /// <summary>
    /// Starts the operation, cancels it at <paramref name="fraction"/> of its usual duration and measures how long
    /// it takes to stop. When the operation ends before the cancellation, or completes anyway because it was past its
    /// last check (the machine is shared, durations vary), it is tried again with half the delay, up to six times;
    /// <see langword="null"/> when it was never caught running.
    /// </summary>
    private static async Task<TimeSpan?> MeasureAsync(TimeSpan usual, double fraction, Func<CancellationToken, Task> operation)
    {
        var delay = usual.TotalMilliseconds * fraction;
        for (var attempt = 0; ; attempt++)
        {
            using var cancellation = new CancellationTokenSource();
            // On the pool: writers do much of their work synchronously before their first await.
            var task = Task.Run(() => operation(cancellation.Token), CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, delay)));
            if (!task.IsCompleted)
            {
                var watch = Stopwatch.StartNew();
                await cancellation.CancelAsync();
                try
                {
                    // An endless operation that ignored the cancellation would never end: give up long after the bound.
                    await task.WaitAsync(Bound * 10);
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"still running {(Bound * 10).TotalSeconds} s after the cancellation: the operation does not observe its token");
                }
                catch (OperationCanceledException)
                {
                    watch.Stop();
                    Assert.True(watch.Elapsed < Bound, $"stopped {watch.Elapsed.TotalMilliseconds:F0} ms after the cancellation, over the {Bound.TotalSeconds} s bound");
                    return watch.Elapsed;
                }
            }

            await task;
            if (attempt == 5)
            {
                return null; // too quick to catch running: the caller decides whether that is acceptable
            }

            delay /= 2;
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

    /// <summary>
    /// What the host reports for <paramref name="unitCount"/> units: the result, an explanation of every unit, the
    /// previous period's result, a rank interval per ranked unit and a self-assessed and a verified value of two
    /// measures per unit.
    /// </summary>
    private static ReportContent ReportContentOf(int unitCount)
    {
        var scenario = ScenarioGenerator.Create(777, monotone: false);
        var plan = TestIndex.Compile(scenario.DefinitionJson);
        var units = Units(unitCount, scenario);
        var data = plan.Prepare(units, Stream(units, scenario.Measures, repeat: 1), "2023");
        var result = plan.Assess(data);
        var previous = plan.Assess(units, Stream(units, scenario.Measures, repeat: 1).Select(o => o with { Period = "2022", Value = (o.Value * 7) % 101 }), "2022");
        var staged = units.SelectMany((unit, u) => scenario.Measures.Take(2).SelectMany(measure => (Observation[])
        [
            new(unit.Id, measure, "2023", u % 50, new Provenance("tu-danh-gia", string.Create(CultureInfo.InvariantCulture, $"'{unit.Id}'!E9"), "self-assessed")),
            new(unit.Id, measure, "2023", u % 40, new Provenance("tu-danh-gia", string.Create(CultureInfo.InvariantCulture, $"'{unit.Id}'!F9"), "verified")),
        ]));
        return new ReportContent
        {
            Definition = plan.Definition,
            Result = result,
            Explanations = [.. result.Units.Select(u => plan.Explain(data, result, u.Unit.Id))],
            Previous = previous,
            RankIntervals = [.. result.Units.Where(u => u.Rank is not null).Select(u => new RankInterval(u.Unit.Id, Math.Max(1, u.Rank!.Value - 3), u.Rank.Value, u.Rank.Value + 3))],
            Observations = [.. staged],
        };
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
