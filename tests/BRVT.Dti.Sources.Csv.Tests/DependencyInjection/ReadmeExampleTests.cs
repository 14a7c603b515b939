using System.Text.RegularExpressions;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Sources.Csv.Tests.DependencyInjection;

/// <summary>The sources.json examples of the plugin's README pass the catalog: the shared schema and the factories' own checks.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void Parse_EverySourcesJsonExampleOfTheReadme_CreatesItsSources()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "plugins", "BRVT.Dti.Sources.Csv", "README.md"));
        var examples = JsonBlock().Matches(readme).Select(m => m.Groups[1].Value).Where(j => j.Contains("\"sources\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, examples.Count);
        var catalog = new DataSourceCatalog([new CsvLongSourceFactory(), new CsvWideSourceFactory(), new CsvRecordsSourceFactory()]);
        foreach (var json in examples)
        {
            var sources = catalog.Parse(json, "sources.json", Path.GetTempPath());
            Assert.Single(sources);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BRVT.Dti.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (BRVT.Dti.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
