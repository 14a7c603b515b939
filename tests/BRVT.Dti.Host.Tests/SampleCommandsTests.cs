using System.Globalization;
using System.Text.Json;

namespace BRVT.Dti.Host.Tests;

/// <summary>The other commands an evaluator runs on the bundled sample: explain, compare, merge, validate, init.</summary>
public sealed class SampleCommandsTests
{
    [Fact]
    public async Task Explain_Commune_ReachesWorkbookCellsCsvLinesAndDossiers()
    {
        var (exit, output, error) = await DtiProcess.RunAsync(DtiProcess.TempDirectory(), "explain", "vt-phuong-1", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("Phường 1", output, StringComparison.Ordinal);
        Assert.Contains("tu-danh-gia-cap-xa.xlsx", output, StringComparison.Ordinal);
        Assert.Contains("so-lieu-bao-cao.csv:", output, StringComparison.Ordinal);
        Assert.Contains("ho-so-tthc", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownUnit_ExitsOneAndSuggests()
    {
        var (exit, _, error) = await DtiProcess.RunAsync(DtiProcess.TempDirectory(), "explain", "phuong-1", "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("vt-phuong-1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_SamplePeriods_WritesRankAndValueChangesForEveryUnit()
    {
        var directory = DtiProcess.TempDirectory();
        var (exit, output, error) = await DtiProcess.RunAsync(directory, "compare", "--unit", "h-xuyen-moc", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("Hạng 2023", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(directory, "dti-out", "compare-cap-huyen-2023-2024.csv"));
        Assert.StartsWith("unit,name,node,code,rank_2023,rank_2024,rank_change", lines[0], StringComparison.Ordinal);
        var totals = lines.Skip(1).Where(l => l.Split(',')[5].Length > 0).ToList(); // the total's row carries the ranks
        Assert.Equal(8, totals.Count);
    }

    [Fact]
    public async Task Merge_LongDienAndDatDo_IsTheMeanOfTheirMainIndicators()
    {
        var directory = DtiProcess.TempDirectory();
        var (exit, output, error) = await DtiProcess.RunAsync(directory, "merge", "h-long-dien", "h-dat-do", "--into", "h-long-dat", "--name", "Huyện Long Đất", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("Huyện Long Đất", output, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng sau sáp nhập", output, StringComparison.Ordinal);

        // The merged total is the plain mean of the members' totals (every step is linear).
        var rank = await DtiProcess.RunAsync(directory, "rank", "--quiet");
        Assert.Equal(0, rank.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "dti-out", "cap-huyen", "results.json")));
        var values = json.RootElement.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("id").GetString() is "h-long-dien" or "h-dat-do")
            .Select(u => u.GetProperty("total").GetProperty("value").GetDouble())
            .ToList();
        Assert.Equal(2, values.Count);
        Assert.Contains(values.Average().ToString("F4", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_IndexRankedByAView_RanksTheMergedUnitByThatView()
    {
        var parent = DtiProcess.TempDirectory();
        var init = await DtiProcess.RunAsync(parent, "init", "ws");
        Assert.True(init.ExitCode == 0, init.Error);
        var workspace = Path.Combine(parent, "ws");
        var index = Path.Combine(workspace, "indicators", "brvt-districts", "index.json");
        var text = File.ReadAllText(index);
        Assert.Contains("\"by\": \"total\"", text, StringComparison.Ordinal);
        File.WriteAllText(index, text.Replace("\"by\": \"total\"", "\"by\": \"cqs\"", StringComparison.Ordinal));

        var (exit, output, error) = await DtiProcess.RunAsync(parent, "merge", "h-long-dien", "h-dat-do", "--into", "h-long-dat", "-w", workspace, "--quiet");
        Assert.True(exit == 0, error);

        // The merged view is recomputed from the merged main indicators: the plain mean of the members' view values
        // (every step is linear); the other districts show their own view values.
        var rank = await DtiProcess.RunAsync(parent, "rank", "-w", workspace, "-o", "out", "--quiet");
        Assert.True(rank.ExitCode == 0, rank.Error);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parent, "out", "cap-huyen", "results.json")));
        var cqs = json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(
            u => u.GetProperty("id").GetString()!,
            u => u.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "cqs").GetProperty("value").GetDouble());
        var ranking = output[output.IndexOf("(Chính quyền số (cqs))", StringComparison.Ordinal)..];
        Assert.Contains(((cqs["h-long-dien"] + cqs["h-dat-do"]) / 2).ToString("F4", CultureInfo.InvariantCulture), ranking, StringComparison.Ordinal);
        Assert.Contains(cqs["h-xuyen-moc"].ToString("F4", CultureInfo.InvariantCulture), ranking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Sample_ReportsTheRejectedCellAndExitsOne()
    {
        var (exit, output, _) = await DtiProcess.RunAsync(DtiProcess.TempDirectory(), "validate", "--quiet");
        Assert.Equal(1, exit);
        Assert.Contains("brvt-communes", output, StringComparison.Ordinal);
        Assert.Contains("khoảng 5 cuộc", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_NewFolder_CreatesAWorkspaceThatRanks()
    {
        var parent = DtiProcess.TempDirectory();
        var (exit, _, error) = await DtiProcess.RunAsync(parent, "init", "ws");
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(parent, "ws", "ho-so-tthc.sqlite")));
        Assert.True(File.Exists(Path.Combine(parent, "ws", "indicators", "brvt-communes", "index.json")));
        var rank = await DtiProcess.RunAsync(parent, "rank", "-w", "ws", "-o", "out", "--quiet");
        Assert.True(rank.ExitCode == 0, rank.Error);
        Assert.True(File.Exists(Path.Combine(parent, "out", "cap-xa", "results.json")));
    }

    [Fact]
    public async Task Init_NonEmptyFolder_IsRefused()
    {
        var parent = DtiProcess.TempDirectory();
        File.WriteAllText(Path.Combine(parent, "keep.txt"), "mine");
        var (exit, _, error) = await DtiProcess.RunAsync(parent, "init", parent);
        Assert.Equal(1, exit);
        Assert.Contains("not an empty folder", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(parent, "keep.txt")));
    }

    [Fact]
    public async Task Sensitivity_Districts_GivesEachUnitAnIntervalAroundItsMedianRank()
    {
        var directory = DtiProcess.TempDirectory();
        var (exit, output, error) = await DtiProcess.RunAsync(directory, "sensitivity", "--index", "cap-huyen", "-n", "300", "--leave-one-out", "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains("Khoảng 5%–95%", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(directory, "dti-out", "sensitivity-cap-huyen.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r =>
        {
            double Number(int i) => double.Parse(r[i], CultureInfo.InvariantCulture);
            Assert.InRange(Number(4), Number(5), Number(6));
            Assert.InRange(Number(5), 1, 8);
            Assert.Equal("300", r[8]);
        });
    }

    [Fact]
    public async Task Sensitivity_SameSeed_GivesTheSameIntervals()
    {
        var first = DtiProcess.TempDirectory();
        var second = DtiProcess.TempDirectory();
        Assert.Equal(0, (await DtiProcess.RunAsync(first, "sensitivity", "--index", "cap-huyen", "-n", "200", "--seed", "7", "--quiet")).ExitCode);
        Assert.Equal(0, (await DtiProcess.RunAsync(second, "sensitivity", "--index", "cap-huyen", "-n", "200", "--seed", "7", "--quiet")).ExitCode);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(first, "dti-out", "sensitivity-cap-huyen.csv")),
            File.ReadAllBytes(Path.Combine(second, "dti-out", "sensitivity-cap-huyen.csv")));
    }
}
