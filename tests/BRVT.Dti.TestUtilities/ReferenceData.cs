using BRVT.Dti.Analysis;

namespace BRVT.Dti.TestUtilities;

/// <summary>
/// The shared reference data beside the repository: walks up from the test binaries to the folder holding
/// <c>BRVT.Dti.sln</c>, then <c>../shared/reference-data</c> (CI clones the repository with <c>shared/</c> beside it).
/// </summary>
public static class ReferenceData
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BRVT.Dti.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds BRVT.Dti.sln.");
    }

    public static string AsemDirectory()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "reference-data", "asem"));
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"The ASEM reference data are not at {path}: clone shared/ beside the repository.");
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
