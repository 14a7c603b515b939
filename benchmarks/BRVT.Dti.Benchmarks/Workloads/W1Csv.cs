using System.Globalization;
using System.Text;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// The W1 matrix as a CSV file, as pandas would write it: <c>id,I001,…,I100</c>, one row per unit, values with the
/// shortest round-trip spelling (two decimals at most), missing values empty.
/// </summary>
public static class W1Csv
{
    public static string Ensure(int units, int seed = 42) =>
        BenchmarkFiles.Ensure($"w1-{units}x{W1Data.Indicators}-seed{seed}.csv", path => Write(path, units, seed));

    private static void Write(string path, int units, int seed)
    {
        var columns = W1Data.Columns(units, seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id");
        for (var c = 0; c < columns.Length; c++)
        {
            writer.Write(',');
            writer.Write(W1Data.Code(c));
        }

        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (var u = 0; u < units; u++)
        {
            writer.Write(W1Data.UnitId(u));
            foreach (var column in columns)
            {
                writer.Write(',');
                var v = column[u];
                if (!double.IsNaN(v) && v.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
                {
                    writer.Write(buffer[..written]);
                }
            }

            writer.Write('\n');
        }
    }
}
