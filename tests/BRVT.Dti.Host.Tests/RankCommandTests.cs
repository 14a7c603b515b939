using System.Text.Json;

namespace BRVT.Dti.Host.Tests;

public sealed class RankCommandTests
{
    [Fact]
    public async Task Rank_NoArguments_RanksTheBundledSampleAndWritesReports()
    {
        var directory = DtiProcess.TempDirectory();
        var (exit, output, error) = await DtiProcess.RunAsync(directory, "rank");
        Assert.True(exit == 0, error);
        Assert.Contains("TP. Đà Nẵng", output, StringComparison.Ordinal);
        Assert.Contains("0.8002", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "dti-out", "results.json")));
        var units = json.RootElement.GetProperty("units");
        Assert.Equal(5, units.GetArrayLength());
        Assert.Equal(1, units.EnumerateArray().Single(u => u.GetProperty("id").GetString() == "da-nang").GetProperty("rank").GetInt32());
        var csv = File.ReadAllLines(Path.Combine(directory, "dti-out", "ranking.csv"));
        Assert.Equal(6, csv.Length);
        Assert.StartsWith("unit,name,group,rank", csv[0], StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(directory, "dti-out", "ranking.csv"))[..3]);
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "dti-out"), "*.tmp"));
    }

    [Fact]
    public async Task Rank_BadRowsInWorkspace_ReportsEachWithItsLineAndStillRanks()
    {
        var workspace = CopySample();
        File.AppendAllText(Path.Combine(workspace, "observations-2022.csv"), "da-nang,main1,2022,abc,published\nda-nang,main2,2022\n");
        var (exit, output, _) = await DtiProcess.RunAsync(workspace, "rank", "--workspace", workspace, "--out", Path.Combine(workspace, "out"));
        Assert.Equal(0, exit);
        Assert.Contains("observations-2022.csv:42", output, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a number", output, StringComparison.Ordinal);
        Assert.Contains("observations-2022.csv:43", output, StringComparison.Ordinal);
        Assert.Contains("rejected: 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_BrokenDefinition_ExitsOneWithLocatedErrorsAndNoStackTrace()
    {
        var workspace = CopySample();
        var index = Path.Combine(workspace, "index.json");
        File.WriteAllText(index, File.ReadAllText(index).Replace("\"type\": \"ratio\"", "\"type\": \"ratoi\"", StringComparison.Ordinal));
        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "--workspace", workspace, "--out", Path.Combine(workspace, "out"));
        Assert.Equal(1, exit);
        Assert.Contains("index.json(", error, StringComparison.Ordinal);
        Assert.Contains("Unknown rule type 'ratoi'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace, "out")));
    }

    [Fact]
    public async Task Rank_PathLeavingTheWorkspace_IsRefused()
    {
        var workspace = CopySample();
        File.WriteAllText(Path.Combine(workspace, "workspace.json"), """{ "definition": "../../etc/passwd", "period": "2022", "units": "units.csv" }""");
        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "--workspace", workspace);
        Assert.Equal(1, exit);
        Assert.Contains("leads outside the workspace", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_SampleUnit_ReachesTheSourceRows()
    {
        var (exit, output, error) = await DtiProcess.RunAsync(DtiProcess.TempDirectory(), "explain", "da-nang");
        Assert.True(exit == 0, error);
        Assert.Contains("main7 = 0.8575", output, StringComparison.Ordinal);
        Assert.Contains("observations-2022.csv:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BundledSample_IsValid()
    {
        var (exit, output, error) = await DtiProcess.RunAsync(DtiProcess.TempDirectory(), "validate", Path.Combine(AppContext.BaseDirectory, "sample-workspace", "index.json"));
        Assert.True(exit == 0, error);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    private static string CopySample()
    {
        var target = DtiProcess.TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sample-workspace")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
