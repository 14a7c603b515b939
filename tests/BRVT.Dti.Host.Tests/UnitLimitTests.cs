namespace BRVT.Dti.Host.Tests;

/// <summary>
/// <c>"limits": { "maxUnits": … }</c> in workspace.json: a units file at the limit is assessed; one unit more is a
/// one-line error naming the file, the line, the limit and how to raise it, with exit code 1 and no stack trace.
/// </summary>
public sealed class UnitLimitTests
{
    [Fact]
    public async Task Rank_UnitsFileAtTheLimit_RanksEveryUnit()
    {
        var workspace = CopyWorkspace(""" "limits": { "maxUnits": 5 }, """);

        var (exit, output, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "out", "--quiet");

        Assert.True(exit == 0, error);
        Assert.Contains("TP. Đà Nẵng", output, StringComparison.Ordinal);
        Assert.Equal("source,read,accepted,rejected", File.ReadLines(Path.Combine(workspace, "out", "accounts.csv")).First().TrimStart('\uFEFF'));
        Assert.Contains("units.csv,5,5,0", File.ReadAllLines(Path.Combine(workspace, "out", "accounts.csv")));
    }

    [Fact]
    public async Task Rank_UnitsFileOneOverTheLimit_OneLineErrorNamingFileLineLimitAndSetting()
    {
        var workspace = CopyWorkspace(""" "limits": { "maxUnits": 4 }, """);

        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "-o", "out", "--quiet");

        Assert.Equal(1, exit);
        Assert.Equal(
            "error: units.csv:6: the file lists more than 4 units, the limit (workspace.json \"limits\": { \"maxUnits\": 4 }; default 100000). Raise \"maxUnits\" in workspace.json, or split the units into several workspaces.",
            error.Trim());
        Assert.False(Directory.Exists(Path.Combine(workspace, "out")));
    }

    [Fact]
    public async Task Rank_UnitsFileOverTheDefaultLimit_NamesTheDefault()
    {
        var workspace = CopyWorkspace(string.Empty);
        var units = Path.Combine(workspace, "units.csv");
        File.AppendAllText(units, string.Concat(Enumerable.Range(1, 100_000).Select(i => $"u{i},Đơn vị {i},,province,,\n")));

        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "validate", "-w", workspace, "--quiet");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: units.csv:100002: the file lists more than 100000 units", error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""" "limits": { "maxUnits": 0 }, """, "at /limits/maxUnits: \"maxUnits\" must be a whole number from 1 to 10000000 (the default is 100000)")]
    [InlineData(""" "limits": { "maxUnits": "1000" }, """, "at /limits/maxUnits: \"maxUnits\" must be a whole number from 1 to 10000000")]
    [InlineData(""" "limits": { "maxUnit": 1000 }, """, "at /limits/maxUnit: unknown limit \"maxUnit\". Known limits: maxUnits.")]
    [InlineData(""" "limits": 1000, """, "at /limits: \"limits\" must be an object, e.g. { \"maxUnits\": 100000 }.")]
    public async Task Rank_BadLimitsSetting_NamesItsPointer(string setting, string expected)
    {
        var workspace = CopyWorkspace(setting);

        var (exit, _, error) = await DtiProcess.RunAsync(workspace, "rank", "-w", workspace, "--quiet");

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>The DTI 2022 workspace, with <paramref name="settings"/> (JSON members and a comma) added to workspace.json.</summary>
    private static string CopyWorkspace(string settings)
    {
        var target = DtiProcess.TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workspaces", "vn-dti-2022")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var json = Path.Combine(target, "workspace.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"units\":", settings + "\"units\":", StringComparison.Ordinal));
        return target;
    }
}
