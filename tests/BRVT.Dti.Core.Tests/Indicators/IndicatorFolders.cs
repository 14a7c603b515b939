using BRVT.Dti.Definitions;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Indicators;

/// <summary>Finds and loads the shipped index definitions under <c>indicators/</c> at the repository root.</summary>
internal static class IndicatorFolders
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root: the first directory above the test binaries that holds <c>BRVT.Dti.sln</c>.</summary>
    public static string RepoRoot => Root.Value;

    public static string IndicatorsDirectory => Path.Combine(RepoRoot, "indicators");

    /// <summary>The folder names of every <c>indicators/*/index.json</c>, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateDirectories(IndicatorsDirectory)
            .Where(d => File.Exists(Path.Combine(d, "index.json")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal)];

    public static string IndexPath(string name) => Path.Combine(IndicatorsDirectory, name, "index.json");

    public static DefinitionLoadResult Load(string name)
    {
        var path = IndexPath(name);
        return new DtiEngine().LoadDefinition(File.ReadAllText(path), path);
    }

    /// <summary>Loads a definition and fails with every problem listed unless it compiles without errors or warnings.</summary>
    public static ScoringPlan Plan(string name)
    {
        var result = Load(name);
        Assert.True(result.Plan is not null && result.Problems.Count == 0, Describe(name, result.Problems));
        return result.Plan!;
    }

    public static string Describe(string name, IReadOnlyList<DefinitionProblem> problems) =>
        $"indicators/{name}/index.json has {problems.Count} problem(s):\n" + string.Join("\n", problems);

    public static IEnumerable<NodeDefinition> Leaves(IEnumerable<NodeDefinition> nodes) =>
        nodes.SelectMany(n => n.Children.Count == 0 ? [n] : Leaves(n.Children));

    public static IEnumerable<NodeDefinition> All(IEnumerable<NodeDefinition> nodes) =>
        nodes.SelectMany(n => (IEnumerable<NodeDefinition>)[n, .. All(n.Children)]);

    public static NodeDefinition Node(IndexDefinition definition, string id) => All(definition.Nodes).Single(n => n.Id == id);

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BRVT.Dti.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BRVT.Dti.sln was not found above {AppContext.BaseDirectory}.");
    }
}
