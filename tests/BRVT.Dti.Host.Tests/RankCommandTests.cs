using System.Text.Json;

namespace BRVT.Dti.Host.Tests;

/// <summary><c>dti rank</c> on a small workspace of published figures (the DTI 2022 top five), and its errors.</summary>
public sealed class RankCommandTests
{
    [Fact]
    public async Task Rank_Dti2022Workspace_ReproducesThePublishedTotalsAndRanks()
    {
        var workspace = CopyWorkspace();
        var (exit, output, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "out", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("TP. Đà Nẵng", output, StringComparison.Ordinal);
        Assert.Contains("0.8002", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "out", "dti-2022", "results.json")));
        var units = json.RootElement.GetProperty("units");
        Assert.Equal(5, units.GetArrayLength());
        Assert.Equal(1, units.EnumerateArray().Single(u => u.GetProperty("id").GetString() == "da-nang").GetProperty("rank").GetInt32());
        var csv = File.ReadAllLines(Path.Combine(workspace, "out", "dti-2022", "ranking.csv"));
        Assert.Equal(6, csv.Length);
        Assert.StartsWith("unit,name,group,rank", csv[0], StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(workspace, "out", "dti-2022", "ranking.csv"))[..3]);
        Assert.Empty(Directory.GetFiles(Path.Combine(workspace, "out"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Rank_BadRowsInObservations_ReportsEachWithItsLineAndStillRanks()
    {
        var workspace = CopyWorkspace();
        File.AppendAllText(Path.Combine(workspace, "observations-2022.csv"), "da-nang,main1,2022,abc,published\nda-nang,main2,2022\n");
        var (exit, output, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "out", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("observations-2022.csv:42", output, StringComparison.Ordinal);
        Assert.Contains("abc", output, StringComparison.Ordinal);
        Assert.Contains("observations-2022.csv:43", output, StringComparison.Ordinal);
        Assert.Contains("rejected: 2", output, StringComparison.Ordinal);
        var rejected = File.ReadAllLines(Path.Combine(workspace, "out", "rejected-rows.csv"));
        Assert.Equal(3, rejected.Length);
    }

    [Fact]
    public async Task Rank_BrokenDefinition_ExitsOneWithLocatedErrorsAndNoStackTrace()
    {
        var workspace = CopyWorkspace();
        var index = Path.Combine(workspace, "index.json");
        File.WriteAllText(index, File.ReadAllText(index).Replace("\"type\": \"ratio\"", "\"type\": \"ratoi\"", StringComparison.Ordinal));
        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "out", "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("index.json(", error, StringComparison.Ordinal);
        Assert.Contains("Unknown rule type 'ratoi'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace, "out")));
    }

    [Fact]
    public async Task Rank_PathLeavingTheWorkspace_IsRefused()
    {
        var workspace = CopyWorkspace();
        var settings = Path.Combine(workspace, "workspace.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"units.csv\"", "\"../../etc/passwd\"", StringComparison.Ordinal));
        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("leads outside the workspace", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_UnknownSettingInWorkspaceJson_NamesItsPointerAndTheKnownSettings()
    {
        var workspace = CopyWorkspace();
        var settings = Path.Combine(workspace, "workspace.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"period\"", "\"periode\"", StringComparison.Ordinal));
        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("at /periode: unknown setting", error, StringComparison.Ordinal);
        Assert.Contains("\"period\" is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_EscapedHalfOfASurrogatePairInWorkspaceJson_NamesItsLineAndColumn()
    {
        var workspace = CopyWorkspace();
        var settings = Path.Combine(workspace, "workspace.json");
        var text = File.ReadAllText(settings);
        var at = text.IndexOf("\"period\"", StringComparison.Ordinal);
        Assert.True(at > 0, "the workspace has a period");
        File.WriteAllText(settings, text[..at] + "\"note\\uD800\": 1, " + text[at..]);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text.LastIndexOf('\n', at);

        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "--quiet");

        Assert.Equal(1, exit);
        Assert.Contains($"workspace.json({line},{column}): the string holds an escape of half a surrogate pair", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_MissingWorkspace_SaysHowToCreateOne()
    {
        var directory = DtiProcess.TempDirectory();
        var (exit, _, error) = await DtiProcess.RunAsync(directory, "rank", "-w", Path.Combine(directory, "nowhere"));
        Assert.Equal(1, exit);
        Assert.Contains("dti init", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_Dti2022Unit_ReachesTheSourceRows()
    {
        var workspace = CopyWorkspace();
        var (exit, output, error) = await DtiProcess.RunAsync(workspace, "explain", "da-nang", "-w", workspace, "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("main7 = 0.8575", output, StringComparison.Ordinal);
        Assert.Contains("observations-2022.csv:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DefinitionFile_IsValid()
    {
        var workspace = CopyWorkspace();
        var (exit, output, error) = await DtiProcess.RunAsync(workspace, "validate", Path.Combine(workspace, "index.json"));
        Assert.True(exit == 0, error);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    private static string CopyWorkspace()
    {
        var target = DtiProcess.TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workspaces", "vn-dti-2022")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
