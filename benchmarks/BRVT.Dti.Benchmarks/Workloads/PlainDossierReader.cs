using System.Globalization;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// The plain scalar baseline of W2, as one would first write it: StreamReader.ReadLine, string.Split, a dictionary of
/// agencies, one accumulator per agency; one thread.
/// </summary>
public static class PlainDossierReader
{
    public static double[][] Read(string path, IReadOnlyList<string> agencies)
    {
        var index = agencies.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var n = agencies.Count;
        var (count, online, remote, onTime, days, satisfaction, rated) = (new long[n], new long[n], new long[n], new long[n], new double[n], new double[n], new long[n]);
        using var reader = new StreamReader(path);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            var a = index[cells[0]];
            count[a]++;
            online[a] += cells[2] == "1" ? 1 : 0;
            remote[a] += cells[3] == "1" ? 1 : 0;
            onTime[a] += cells[4] == "1" ? 1 : 0;
            days[a] += double.Parse(cells[5], CultureInfo.InvariantCulture);
            if (cells[6].Length > 0)
            {
                satisfaction[a] += double.Parse(cells[6], CultureInfo.InvariantCulture);
                rated[a]++;
            }
        }

        return
        [
            [.. count.Select(c => (double)c)],
            [.. online.Select((o, a) => (double)o / count[a])],
            [.. remote.Select((o, a) => (double)o / count[a])],
            [.. onTime.Select((o, a) => (double)o / count[a])],
            [.. days.Select((d, a) => d / count[a])],
            [.. satisfaction.Select((s, a) => s / rated[a])],
        ];
    }
}
