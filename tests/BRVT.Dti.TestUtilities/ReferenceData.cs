using BRVT.Dti.Analysis;

namespace BRVT.Dti.TestUtilities;

/// <summary>
/// COINr's ASEM example data, kept with the tests in <c>TestData/asem-coinr</c> (a copy of
/// <c>shared/reference-data/asem</c>, so that a clean clone runs them) and copied beside the test binaries.
/// </summary>
public static class ReferenceData
{
    public static string AsemDirectory()
    {
        var path = TestIndex.TestDataPath("asem-coinr");
        return File.Exists(Path.Combine(path, "ASEM_iMeta.csv"))
            ? path
            : throw new DirectoryNotFoundException($"The ASEM data are not at {path}: they are copied there from tests/BRVT.Dti.Core.Tests/TestData/asem-coinr.");
    }

    private static readonly Lazy<(CompositeStructure Structure, IndicatorMatrix Data)> Asem = new(() =>
    {
        var dir = AsemDirectory();
        var structure = CompositeStructure.ParseIMetaCsv(File.ReadAllText(Path.Combine(dir, "ASEM_iMeta.csv")));
        var data = IndicatorMatrix.ParseCsv(File.ReadAllText(Path.Combine(dir, "ASEM_iData.csv")), "uCode", ["uName", .. structure.Groups]);
        return (structure, data);
    });

    /// <summary>COINr's ASEM example: 51 units, 49 indicators in 8 pillars, 2 sub-indices and 1 index.</summary>
    public static CompositeStructure AsemStructure => Asem.Value.Structure;

    /// <summary>The ASEM unit data: indicators, denominators, Time; attributes uName and the four group columns.</summary>
    public static IndicatorMatrix AsemData => Asem.Value.Data;
}
