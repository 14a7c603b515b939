using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks;

/// <summary>
/// The ASEM structure (49 indicators, 8 pillars, 2 sub-indices, 1 index) read from the tests' copy of COINr's data, over
/// synthetic units: uniform values in 0..100 with 2% missing, from a fixed seed.
/// </summary>
internal static class AsemLikeData
{
    public static CompositeStructure Structure()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "BRVT.Dti.Core.Tests", "TestData", "asem-coinr", "ASEM_iMeta.csv");
            if (File.Exists(Path.Combine(dir.FullName, "BRVT.Dti.sln")) && File.Exists(path))
            {
                return CompositeStructure.ParseIMetaCsv(File.ReadAllText(path));
            }
        }

        throw new DirectoryNotFoundException("tests/BRVT.Dti.Core.Tests/TestData/asem-coinr/ASEM_iMeta.csv not found above the benchmark binaries.");
    }

    public static IndicatorMatrix Units(CompositeStructure structure, int units, int seed = 1)
    {
        var random = new Random(seed);
        var columns = structure.Indicators
            .Select(_ => Enumerable.Range(0, units).Select(_ => random.NextDouble() < 0.02 ? double.NaN : random.NextDouble() * 100).ToArray())
            .ToArray();
        return IndicatorMatrix.Create([.. Enumerable.Range(0, units).Select(u => $"U{u:D5}")], structure.Indicators, columns);
    }
}
