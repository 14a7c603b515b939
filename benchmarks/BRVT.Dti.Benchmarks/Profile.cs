using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using BRVT.Dti.Analysis;
using BRVT.Dti.Benchmarks.Workloads;
using BRVT.Dti.Ranking;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// Where the time goes: each phase of a workload timed on its own with a stopwatch (best and median of a few runs),
/// printed with the load average. Not a benchmark (no statistics, no isolation); the README's profiles come from here.
/// </summary>
internal static class Profile
{
    public static void Run(string[] args)
    {
        var workload = args.Length > 0 ? args[0] : "w1";
        var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        Console.WriteLine($"load average: {LoadAverage()}; {Environment.ProcessorCount} cores; {workload}, {repeat} runs per phase");
        switch (workload)
        {
            case "w1":
                W1(1_000_000, repeat);
                break;
            case "w1-10k":
                W1(10_000, repeat * 20);
                break;
            case "w1-province":
                W1(100, repeat * 1000);
                break;
            case "w3":
                W3(repeat);
                break;
            case "w3-phases":
                W3Phases(1000, repeat);
                W3Phases(10_000, Math.Max(1, repeat / 3));
                break;
            case "w1-load":
                W1Load(repeat);
                break;
            case "w1-load-only":
                {
                    var path = W1Csv.Ensure(1_000_000);
                    Time("IndicatorMatrix.LoadCsv, 1 thread", repeat, () => IndicatorMatrix.LoadCsv(path, "id", maxDegreeOfParallelism: 1));
                    Time("IndicatorMatrix.LoadCsv, all cores", repeat, () => IndicatorMatrix.LoadCsv(path, "id"));
                    var ids = IndicatorMatrix.LoadCsv(path, "id").UnitIds.ToArray();
                    Time("  of which: the index of unit ids (Dictionary, 1 thread)", repeat, () =>
                    {
                        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
                        for (var i = 0; i < ids.Length; i++)
                        {
                            index.TryAdd(ids[i], i);
                        }
                    });
                    Time("  of which: 1e6 id strings from UTF-8 (1 thread)", repeat, () =>
                    {
                        var bytes = System.Text.Encoding.UTF8.GetBytes("U0000001");
                        for (var i = 0; i < ids.Length; i++)
                        {
                            ids[i] = System.Text.Encoding.UTF8.GetString(bytes);
                        }
                    });
                    break;
                }

            case "w1-load-parallel":
                {
                    // All cores only (for perf record -D: the first, cold run is over after a few seconds).
                    var path = W1Csv.Ensure(1_000_000);
                    Time("IndicatorMatrix.LoadCsv, all cores", repeat, () => IndicatorMatrix.LoadCsv(path, "id"));
                    break;
                }

            case "w1-load-numbers":
                {
                    // The loader's two number readers, one thread each, alternately (so that load on the machine hits both alike).
                    var path = W1Csv.Ensure(1_000_000);
                    for (var round = 0; round < 3; round++)
                    {
                        foreach (var vector in new[] { true, false })
                        {
                            MatrixCsvChunk.VectorNumbers = vector && Sources.Utf8DecimalVector.IsSupported;
                            Time($"IndicatorMatrix.LoadCsv, 1 thread, {(vector ? "eight numbers at a time" : "one number at a time")}", Math.Max(1, repeat / 3), () => IndicatorMatrix.LoadCsv(path, "id", maxDegreeOfParallelism: 1));
                        }
                    }

                    break;
                }

            case "w2":
                W2(repeat);
                break;
            case "w2-fast":
                {
                    var path = W2Data.Ensure(10_000_000);
                    var source = new BRVT.Dti.Sources.Csv.CsvRecordsSourceFactory().Create(W2Data.Configuration(path));
                    Time("csv-records, fast reader", repeat, () => source.ReadAsync(W2Data.Request()).AsTask().GetAwaiter().GetResult());
                    break;
                }

            case "engine-province":
                EngineProvince(repeat * 1000);
                break;
            default:
                Console.WriteLine("workloads: w1, w1-province");
                break;
        }

        Console.WriteLine($"load average: {LoadAverage()}");
    }

    private static void W3(int repeat)
    {
        var structure = W1Data.Structure();
        var data = W1Data.Matrix(1000);
        var pipeline = W1Data.Pipeline(structure);
        Time("nominal pipeline.Run (1000 × 100)", repeat, () => pipeline.Run(data));
        foreach (var replications in new[] { 1000, 10_000 })
        {
            foreach (var shares in new[] { false, true })
            {
                foreach (var threads in new int?[] { 1, null })
                {
                    Time($"UncertaintyAnalysis.Run, {replications} replications, {(shares ? "with" : "without")} variance shares, {(threads is null ? "all cores" : "1 thread")}", Math.Max(1, repeat / (replications / 1000)), () =>
                        UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions { Replications = replications, MaxDegreeOfParallelism = threads, VarianceShares = shares }));
                }
            }
        }
    }

    /// <summary>The phases of UncertaintyAnalysis.Run, one by one, for weights ±25% (one scenario, one thread).</summary>
    private static void W3Phases(int replications, int repeat)
    {
        var structure = W1Data.Structure();
        var data = W1Data.Matrix(1000);
        var pipeline = W1Data.Pipeline(structure);
        var options = new UncertaintyOptions { Replications = replications };
        var units = data.UnitCount;
        var nodeCount = structure.Weights.Length;
        var root = structure.AggregateCodes.Length - 1;
        UncertaintyAnalysis.Plan plan = null!;
        IndicatorMatrix normalised = null!;
        LeafBlock leaves = null!;
        var evaluator = new BatchedEvaluator(structure, AggregationKind.Arithmetic, 0, root);
        const int Width = 128;
        var scores = new double[evaluator.BlockLength(units, Width)];
        var weights = new double[nodeCount * Width];
        var columns = new double[units * Width];
        var byReplication = new int[units * replications];
        var ranking = new ReplicationRanking(units);
        Time("nominal pipeline.Run", repeat, () => pipeline.Run(data));
        Time("draws (Plan.Draw)", repeat, () => plan = UncertaintyAnalysis.Plan.Draw(structure, options, 1, 1, 1));
        Time("scenario: pipeline.Prepare (normalise)", repeat, () => normalised = pipeline.Prepare(data, null, pipeline.Options.Normalisation, default).Normalised);
        Time("LeafBlock", repeat, () => leaves = new LeafBlock(normalised, structure, AggregationKind.Arithmetic));
        var excluded = new int[Width];
        Array.Fill(excluded, -1);
        Time($"batched evaluation, {replications} replications", repeat, () =>
        {
            for (var start = 0; start < replications; start += Width)
            {
                for (var n = 0; n < nodeCount; n++)
                {
                    for (var k = 0; k < Width; k++)
                    {
                        weights[(n * Width) + k] = structure.Weights[n] * plan.Multipliers[n][(start + k) % replications];
                    }
                }

                evaluator.Evaluate(leaves, weights, excluded, Width, scores);
            }
        });
        Time($"transpose + rank, {replications} replications", repeat, () =>
        {
            for (var start = 0; start < replications; start += Width)
            {
                ReplicationRanking.Transpose<double>(scores.AsSpan(root * units * Width, units * Width), units, Width, columns);
                for (var k = 0; k < Width && start + k < replications; k++)
                {
                    ranking.Rank(columns.AsSpan(k * units, units), byReplication.AsSpan((start + k) * units, units));
                }
            }
        });
        var ranker = new BRVT.Dti.Ranking.DescendingRanker(units);
        var oneColumn = columns.AsSpan(0, units).ToArray();
        var oneRanks = new int[units];
        Time($"  of which: ranking {replications} columns of {units} (DescendingRanker)", repeat, () =>
        {
            for (var r = 0; r < replications; r++)
            {
                ranker.Rank(oneColumn, oneRanks);
            }
        });
        var flat = new int[byReplication.Length];
        Time("transpose ranks + rank statistics", repeat, () =>
        {
            ReplicationRanking.Transpose<int>(byReplication, replications, units, flat);
            for (var u = 0; u < units; u++)
            {
                RankStatistics.Summarise(flat.AsSpan(u * replications, replications), units);
            }
        });
        var inputs = plan.Inputs(structure, options, 1, 1, 1);
        Time($"variance shares ({inputs.Count} inputs)", repeat, () => VarianceShareEstimator.Estimate(byReplication, units, replications, inputs, new ParallelOptions { MaxDegreeOfParallelism = 1 }));
    }

    private static void W1Load(int repeat)
    {
        var watch = Stopwatch.StartNew();
        var path = W1Csv.Ensure(1_000_000);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F0} MB (ensured in {watch.Elapsed.TotalSeconds:F1} s)");
        var sink = 0L;
        Time("read the file's bytes (File.ReadAllBytes)", repeat, () => sink += File.ReadAllBytes(path).Length);
        Time("first touch of 100 fresh columns of 1e6 doubles", repeat, () =>
        {
            var columns = new double[100][];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = new double[1_000_000];
                for (var i = 0; i < columns[c].Length; i += 512)
                {
                    columns[c][i] = 1;
                }
            }

            sink += columns.Length;
        });
        Time("IndicatorMatrix.LoadCsv, 1 thread", repeat, () => sink += IndicatorMatrix.LoadCsv(path, "id", maxDegreeOfParallelism: 1).UnitCount);
        Time("IndicatorMatrix.LoadCsv, all cores", repeat, () => sink += IndicatorMatrix.LoadCsv(path, "id").UnitCount);

        GC.KeepAlive(sink);
    }

    private static void W2(int repeat)
    {
        var watch = Stopwatch.StartNew();
        var path = W2Data.Ensure(10_000_000);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F0} MB (ensured in {watch.Elapsed.TotalSeconds:F1} s)");
        var source = new BRVT.Dti.Sources.Csv.CsvRecordsSourceFactory().Create(W2Data.Configuration(path));
        var request = W2Data.Request();
        var sink = 0.0;
        Time("read the file's bytes (File.ReadAllBytes)", repeat, () => sink += File.ReadAllBytes(path).Length);
        Time("plain reader (ReadLine, Split, dictionary)", Math.Max(1, repeat / 3), () => sink += PlainDossierReader.Read(path, [.. W2Data.Units().Select(u => u.Id)])[0][0]);
        Time("csv-records, fast reader", repeat, () => sink += source.ReadAsync(request).AsTask().GetAwaiter().GetResult().Account.RowsAccepted);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak working set of the process so far: {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        BRVT.Dti.Sources.Csv.Reading.FastRecordReader.Disabled.Value = true;
        Time("csv-records, general reader (Sylvan)", 1, () => sink += source.ReadAsync(request).AsTask().GetAwaiter().GetResult().Account.RowsAccepted);
        BRVT.Dti.Sources.Csv.Reading.FastRecordReader.Disabled.Value = false;
        GC.KeepAlive(sink);
    }

    private static void EngineProvince(int repeat)
    {
        var structure = W1Data.Structure();
        var plan = W1Engine.Plan(structure);
        var data = plan.Prepare(W1Engine.Units(100), W1Engine.Observations(structure, W1Data.Columns(100)), "2026");
        var workspace = plan.CreateWorkspace(data);
        Time("plan.Assess", repeat / 10, () => plan.Assess(data));
        Time("plan.Evaluate, reused workspace", repeat, () => plan.Evaluate(data, workspace));
        var before = GC.GetAllocatedBytesForCurrentThread();
        plan.Evaluate(data, workspace);
        Console.WriteLine($"plan.Evaluate allocated {GC.GetAllocatedBytesForCurrentThread() - before} bytes");
    }

    private static void W1(int units, int repeat)
    {
        var structure = W1Data.Structure();
        var watch = Stopwatch.StartNew();
        var data = W1Data.Matrix(units);
        Console.WriteLine($"generate {units} × 100: {watch.Elapsed.TotalMilliseconds:F0} ms");
        var columns = structure.Indicators.Select(c => data.Column(c).ToArray()).ToArray();
        var kernel = CompositeKernel.Create(W1Data.Pipeline(structure));
        var scores = kernel.CreateScores(units);
        var scalar = new ScalarComposite(structure, 100);
        var sink = 0.0;

        Time("read pass: TensorPrimitives.Sum of every column (1 thread)", repeat, () => { foreach (var c in columns) { sink += TensorPrimitives.Sum<double>(c); } });
        Time("read pass: Sum of every column (all cores)", repeat, () => Parallel.For(0, columns.Length, c => TensorPrimitives.Sum<double>(columns[c])));
        Time("scalar baseline (1 thread)", Math.Max(1, repeat / 3), () => sink += scalar.Run(columns).Ranks[0]);
        Time("kernel evaluate, warm (1 thread)", repeat, () => kernel.Evaluate(data, scores, 1));
        Time("kernel evaluate, warm (all cores)", repeat, () => kernel.Evaluate(data, scores));
        Time("kernel evaluate, cold buffer (all cores)", repeat, () => kernel.Evaluate(data, kernel.CreateScores(units)));
        var index = scores.IndexScores.ToArray();
        var ranks = new int[units];
        var ranker = new DescendingRanker(units);
        Time("  of which: ranking the index (DescendingRanker)", repeat, () => ranker.Rank(index, ranks));
        GC.KeepAlive(sink);
    }

    /// <summary>
    /// Runs a phase once to warm up, then <paramref name="repeat"/> times: wall time (best, median) and the process's
    /// CPU time per run (median). On a loaded machine the CPU time of a one-thread phase is closer to what it would take
    /// alone than the wall time is; for a many-thread phase it is the sum over threads.
    /// </summary>
    private static void Time(string what, int repeat, Action action)
    {
        var cold = Stopwatch.StartNew();
        action();
        if (cold.Elapsed.TotalMilliseconds > 50)
        {
            Console.WriteLine($"{what}: first run (cold: JIT, fresh memory) {cold.Elapsed.TotalMilliseconds:F0} ms");
        }

        var times = new double[repeat];
        var cpu = new double[repeat];
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            // As BenchmarkDotNet does between iterations: garbage of the last run is collected before the next starts.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        var unit = times[0] < 0.1 ? "µs" : "ms";
        var f = unit == "µs" ? 1000 : 1;
        Console.WriteLine($"{what}: wall best {times[0] * f:F2} {unit}, median {times[repeat / 2] * f:F2} {unit}; CPU median {cpu[repeat / 2] * f:F2} {unit}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
