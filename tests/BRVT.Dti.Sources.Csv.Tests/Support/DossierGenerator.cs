using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Csv.Tests.Support;

/// <summary>
/// Writes a deterministic dossier file (one row per administrative-procedure dossier, as the provincial TTHC system
/// exports them) and computes, while writing, what its aggregates must be per unit. The same seed and size always give
/// the same bytes.
/// </summary>
internal static class DossierGenerator
{
    public const string Header = "ma_ho_so,ma_don_vi,ngay_nhan,truc_tuyen,da_giai_quyet,dung_han,so_ngay,hai_long,ghi_chu";

    /// <summary>The measures a definition derives from the file (record set <c>dossiers</c>).</summary>
    public static readonly MeasureDefinition[] Measures =
    [
        Requests.Derived("received", "count"),
        Requests.Derived("online_ratio", "ratio", filter: "truc_tuyen = 1"),
        Requests.Derived("on_time_ratio", "ratio", filter: "dung_han = 1", denominatorFilter: "da_giai_quyet = 1"),
        Requests.Derived("mean_days", "mean", field: "so_ngay"),
        Requests.Derived("max_days", "max", field: "so_ngay"),
        Requests.Derived("satisfaction", "mean", field: "hai_long"),
    ];

    public static UnitInfo[] Units(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Requests.Unit(string.Create(CultureInfo.InvariantCulture, $"X{26000 + i}"), $"Xã số {i}", "commune"))];

    /// <summary>Writes <paramref name="rows"/> dossiers of 2023 spread over <paramref name="unitCount"/> units.</summary>
    /// <returns>The expected values per measure (in <see cref="Measures"/> order) and unit.</returns>
    public static double[][] Write(string path, long rows, int unitCount, int seed = 2023)
    {
        var random = new Random(seed);
        var count = new long[unitCount];
        var online = new long[unitCount];
        var resolved = new long[unitCount];
        var onTime = new long[unitCount];
        var daysSum = new double[unitCount];
        var daysMax = new double[unitCount];
        var satisfactionSum = new double[unitCount];
        var satisfactionCount = new long[unitCount];
        Array.Fill(daysMax, double.NaN);
        var start = new DateOnly(2023, 1, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            var line = new StringBuilder(128);
            for (long i = 0; i < rows; i++)
            {
                var u = random.Next(unitCount);
                var isOnline = random.Next(10) < 6;
                var isResolved = random.Next(10) < 9;
                var isOnTime = isResolved && random.Next(100) < 95;
                var days = Math.Round(random.NextDouble() * 30, 1);
                var satisfaction = random.Next(10) < 3 ? -1 : random.Next(1, 6);
                count[u]++;
                online[u] += isOnline ? 1 : 0;
                resolved[u] += isResolved ? 1 : 0;
                onTime[u] += isOnTime ? 1 : 0;
                daysSum[u] += days;
                daysMax[u] = double.IsNaN(daysMax[u]) ? days : Math.Max(daysMax[u], days);
                if (satisfaction > 0)
                {
                    satisfactionSum[u] += satisfaction;
                    satisfactionCount[u]++;
                }

                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"HS{i:D10},X{26000 + u},{start.AddDays((int)(i % 365)):yyyy-MM-dd},{(isOnline ? 1 : 0)},{(isResolved ? 1 : 0)},");
                if (isResolved)
                {
                    line.Append(isOnTime ? '1' : '0');
                }

                line.Append(',').Append(days.ToString("R", CultureInfo.InvariantCulture)).Append(',');
                if (satisfaction > 0)
                {
                    line.Append(satisfaction.ToString(CultureInfo.InvariantCulture));
                }

                line.Append(',').Append(i % 97 == 0 ? "\"Hồ sơ bổ sung, chờ \"\"ý kiến\"\"\"" : "đúng quy trình");
                writer.WriteLine(line);
            }
        }

        return
        [
            [.. count.Select(c => (double)c)],
            [.. Enumerable.Range(0, unitCount).Select(u => count[u] == 0 ? double.NaN : (double)online[u] / count[u])],
            [.. Enumerable.Range(0, unitCount).Select(u => resolved[u] == 0 ? double.NaN : (double)onTime[u] / resolved[u])],
            [.. Enumerable.Range(0, unitCount).Select(u => count[u] == 0 ? double.NaN : daysSum[u] / count[u])],
            daysMax,
            [.. Enumerable.Range(0, unitCount).Select(u => satisfactionCount[u] == 0 ? double.NaN : satisfactionSum[u] / satisfactionCount[u])],
        ];
    }

    /// <summary>The source settings that read a generated file.</summary>
    public static string Settings(string path) => $$"""
        { "name": "dossiers", "type": "csv-records", "path": "{{path}}",
          "mapping": { "unit": "ma_don_vi", "date": "ngay_nhan" } }
        """;
}
