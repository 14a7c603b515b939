using System.Globalization;
using BenchmarkDotNet.Attributes;
using BRVT.Dti.Analysis;
using BRVT.Dti.Benchmarks.Workloads;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// W1 load: the CSV of the 1,000,000 × 100 W1 matrix (about 550 MB, generated once into the temp folder) into an
/// <see cref="IndicatorMatrix"/>. Target: ≤ 1 s. Baseline: a plain reader (StreamReader.ReadLine, string.Split,
/// double.Parse), one thread.
/// </summary>
[MemoryDiagnoser]
public class W1LoadBenchmarks
{
    private const int Units = 1_000_000;
    private string path = null!;

    [GlobalSetup]
    public void Setup()
    {
        path = W1Csv.Ensure(Units);
        var fast = IndicatorMatrix.LoadCsv(path, "id");
        var plain = Plain();
        for (var c = 0; c < W1Data.Indicators; c++)
        {
            if (!fast.Column(c).SequenceEqual(plain[c]))
            {
                throw new InvalidOperationException($"Column {c}: LoadCsv and the plain reader differ.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "plain: ReadLine, Split, double.Parse (1 thread)")]
    public int PlainReader() => Plain().Length;

    [Benchmark(Description = "IndicatorMatrix.LoadCsv, 1 thread")]
    public int LoadOneThread() => IndicatorMatrix.LoadCsv(path, "id", maxDegreeOfParallelism: 1).UnitCount;

    [Benchmark(Description = "IndicatorMatrix.LoadCsv, all cores")]
    public int Load() => IndicatorMatrix.LoadCsv(path, "id").UnitCount;

    private double[][] Plain()
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        var columns = Enumerable.Range(1, header.Length - 1).Select(_ => new List<double>(Units)).ToArray();
        var ids = new List<string>(Units);
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            ids.Add(cells[0]);
            for (var c = 1; c < cells.Length; c++)
            {
                columns[c - 1].Add(cells[c].Length == 0 ? double.NaN : double.Parse(cells[c], CultureInfo.InvariantCulture));
            }
        }

        return [.. columns.Select(c => c.ToArray())];
    }
}
