using BenchmarkDotNet.Attributes;
using BRVT.Dti.Benchmarks.Workloads;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv;
using BRVT.Dti.Sources.Csv.Reading;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// W2: 10,000,000 dossier rows (about 220 MB of CSV) into per-agency online, remote and on-time ratios, mean days,
/// mean satisfaction and count, end to end through the <c>csv-records</c> source (open, read, aggregate, observations
/// with provenance, account). Target: ≤ 0.5 s, streaming, bounded memory. Baseline: a plain reader (ReadLine, Split,
/// dictionary), one thread; also the source's general reader (Sylvan, row by row), which the fast reader replaces for
/// simple files.
/// </summary>
[MemoryDiagnoser]
public class W2DossierBenchmarks
{
    private const long Rows = 10_000_000;
    private string path = null!;
    private IDataSource source = null!;
    private SourceReadRequest request = null!;

    [GlobalSetup]
    public void Setup()
    {
        path = W2Data.Ensure(Rows);
        source = new CsvRecordsSourceFactory().Create(W2Data.Configuration(path));
        request = W2Data.Request();
        var fast = Read(general: false);
        var plain = PlainDossierReader.Read(path, [.. W2Data.Units().Select(u => u.Id)]);
        for (var m = 0; m < W2Data.Measures.Length; m++)
        {
            for (var a = 0; a < W2Data.Agencies; a++)
            {
                var value = fast.Observations[(m * W2Data.Agencies) + a].Value;
                if (Math.Abs(value - plain[m][a]) > 1e-9 * Math.Max(1, Math.Abs(value)))
                {
                    throw new InvalidOperationException($"{W2Data.Measures[m].Id} of agency {a}: source {value}, plain reader {plain[m][a]}.");
                }
            }
        }

        if (fast.Account.RowsAccepted != Rows || FastRecordReader.Completed == 0)
        {
            throw new InvalidOperationException("The fast reader did not read every row.");
        }
    }

    [Benchmark(Baseline = true, Description = "plain: ReadLine, Split, dictionary (1 thread)")]
    public double Plain() => PlainDossierReader.Read(path, [.. W2Data.Units().Select(u => u.Id)])[0][0];

    [Benchmark(Description = "csv-records, general reader (Sylvan, row by row)")]
    public long General() => Read(general: true).Account.RowsAccepted;

    [Benchmark(Description = "csv-records, fast reader")]
    public long Fast() => Read(general: false).Account.RowsAccepted;

    private SourceReadResult Read(bool general)
    {
        FastRecordReader.Disabled.Value = general;
        try
        {
            return source.ReadAsync(request).AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            FastRecordReader.Disabled.Value = false;
        }
    }
}
