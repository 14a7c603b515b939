using System.Globalization;
using System.Text;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// W2: a dossier file of 10,000,000 rows, generated once from a fixed seed into the temp folder:
/// <c>agency,procedure,online,remote,on_time,days,satisfaction</c>, 120 agencies, satisfaction empty in 31% of rows;
/// read through the <c>csv-records</c> source into per-agency online, remote and on-time ratios, mean days, mean
/// satisfaction and the count.
/// </summary>
public static class W2Data
{
    public const int Agencies = 120;

    public static readonly MeasureDefinition[] Measures =
    [
        Derived("dossiers", "count"),
        Derived("online_ratio", "ratio", filter: "online = 1"),
        Derived("remote_ratio", "ratio", filter: "remote = 1"),
        Derived("on_time_ratio", "ratio", filter: "on_time = 1"),
        Derived("mean_days", "mean", field: "days"),
        Derived("mean_satisfaction", "mean", field: "satisfaction"),
    ];

    public static string AgencyId(int agency) => $"AG{agency + 1:D3}";

    public static UnitInfo[] Units() =>
        [.. Enumerable.Range(0, Agencies).Select(a => new UnitInfo { Id = AgencyId(a), Name = new LocalizedText($"Cơ quan {a + 1}"), Kind = "agency" })];

    public static string Ensure(long rows, int seed = 7) =>
        BenchmarkFiles.Ensure($"w2-dossiers-{rows}-seed{seed}.csv", path => Write(path, rows, seed));

    public static DataSourceConfiguration Configuration(string path)
    {
        var json = $$"""{ "name": "dossiers", "type": "csv-records", "path": "{{Path.GetFileName(path)}}", "period": "2026", "mapping": { "unit": "agency" } }""";
        return new DataSourceConfiguration
        {
            Name = "dossiers",
            Type = "csv-records",
            Settings = JsonDocument.Parse(json).RootElement.Clone(),
            BaseDirectory = Path.GetDirectoryName(path)!,
            ConfigurationFile = Path.Combine(Path.GetDirectoryName(path)!, "sources.json"),
            Pointer = "/sources/0",
        };
    }

    public static SourceReadRequest Request() => new(Measures, "2026", Units(), RejectionMode.Lenient);

    private static void Write(string path, long rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("agency,procedure,online,remote,on_time,days,satisfaction\n");
        var line = new StringBuilder(64);
        for (long r = 0; r < rows; r++)
        {
            var online = random.Next(10) < 6;
            line.Clear();
            line.Append(AgencyId(random.Next(Agencies))).Append(',')
                .Append(random.Next(1, 2000).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(online ? '1' : '0').Append(',')
                .Append(online && random.Next(10) < 4 ? '1' : '0').Append(',')
                .Append(random.Next(100) < 93 ? '1' : '0').Append(',')
                .Append(random.Next(0, 45).ToString(CultureInfo.InvariantCulture)).Append(',');
            if (random.Next(100) >= 31)
            {
                line.Append((char)('1' + random.Next(5)));
            }

            writer.Write(line.Append('\n'));
        }
    }

    private static MeasureDefinition Derived(string id, string function, string? field = null, string? filter = null) => new()
    {
        Id = id,
        Name = new LocalizedText(id),
        Derivation = new MeasureDerivation { Records = "dossiers", Function = function, Field = field, Filter = filter },
    };
}
