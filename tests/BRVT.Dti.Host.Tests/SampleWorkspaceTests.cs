using System.Text.Json;

namespace BRVT.Dti.Host.Tests;

/// <summary>The README's main command on the bundled Bà Rịa - Vũng Tàu sample: every unit ranked, ties and bands visible.</summary>
public sealed class SampleWorkspaceTests(SampleRun run) : IClassFixture<SampleRun>
{
    [Fact]
    public void Rank_NoArguments_Succeeds()
    {
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("so-ban-nganh", 21)]
    [InlineData("cap-huyen", 8)]
    [InlineData("cap-xa", 82)]
    public void Rank_NoArguments_WritesEveryUnitOfEachIndex(string index, int units)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Reports, index, "results.json")));
        var list = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(units, list.Count);
        Assert.All(list, u => Assert.True(u.GetProperty("total").GetProperty("value").GetDouble() is >= 0 and <= 1));
        var csv = File.ReadAllLines(Path.Combine(run.Reports, index, "ranking.csv"));
        Assert.Equal(units + 1, csv.Length);
    }

    [Fact]
    public void Rank_NoArguments_PrintsEveryUnitName()
    {
        var units = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sample-workspace", "units.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(111, units.Count);
        Assert.All(units, name => Assert.Contains(name, run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_IdenticalCommunes_ShareTheirRankAndTheNextRankIsSkipped()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Reports, "cap-xa", "results.json")));
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        var twin = units["xm-hoa-hiep"];
        var original = units["xm-hoa-hoi"];
        var rank = twin.GetProperty("rank").GetInt32();
        Assert.Equal(original.GetProperty("rank").GetInt32(), rank);
        Assert.Equal(original.GetProperty("rankWithinParent").GetInt32(), twin.GetProperty("rankWithinParent").GetInt32());
        Assert.DoesNotContain(units.Values, u => u.TryGetProperty("rank", out var r) && r.ValueKind == JsonValueKind.Number && r.GetInt32() == rank + 1);
    }

    [Fact]
    public void Rank_Sample_ShowsSeveralBands()
    {
        var bands = new[] { "so-ban-nganh", "cap-huyen", "cap-xa" }
            .SelectMany(index =>
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Reports, index, "results.json")));
                return json.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("band").GetString()).ToList();
            })
            .Distinct()
            .ToList();
        Assert.True(bands.Count >= 3, string.Join(", ", bands));
    }

    [Fact]
    public void Rank_UnrankedGroup_IsAssessedButHasNoRank()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Reports, "so-ban-nganh", "results.json")));
        var inspectorate = json.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "thanh-tra");
        Assert.False(inspectorate.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.Number);
        Assert.True(inspectorate.GetProperty("total").GetProperty("value").GetDouble() > 0);
    }

    [Fact]
    public void Rank_WordsInANumberCell_AreRejectedWithSheetAndCellAndListed()
    {
        var rejected = File.ReadAllText(Path.Combine(run.Reports, "rejected-rows.csv"));
        Assert.Contains("tu-danh-gia-cap-xa.xlsx", rejected, StringComparison.Ordinal);
        Assert.Contains("khoảng 5 cuộc", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_MissingWorkbookRows_AreScoredZeroAndFlaggedOnTheirLeavesAndTotal()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Reports, "cap-xa", "results.json")));
        var unit = json.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "cd-suoi-rao");
        Assert.Equal("IncompleteData", unit.GetProperty("total").GetProperty("flags").GetString());
        var flagged = unit.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("flags", out var f) && f.GetString() == "ZeroedMissing")
            .Select(n => n.GetProperty("id").GetString())
            .ToList();
        Assert.Equal(["2.3", "3.3"], flagged);
        Assert.Contains("cd-suoi-rao", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_Sample_LeavesNoTemporaryFiles()
    {
        Assert.Empty(Directory.GetFiles(run.Reports, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("so-ban-nganh")]
    [InlineData("cap-huyen")]
    [InlineData("cap-xa")]
    public void Rank_NoArguments_WritesEveryReportFormatOfEachIndex(string index)
    {
        foreach (var file in new[] { "results.json", "ranking.csv", "report.xlsx", "report.md", "report.html" })
        {
            Assert.True(new FileInfo(Path.Combine(run.Reports, index, file)).Length > 100, $"{index}/{file}");
        }
    }

    [Fact]
    public async Task Rank_CommunesHtmlReport_OpensInChromiumWithEveryCommuneAndNoScriptError()
    {
        var dom = await BRVT.Dti.Reporting.Tests.Html.Chromium.DumpDomAsync(Path.Combine(run.Reports, "cap-xa", "report.html"));
        Assert.Matches("<body[^>]*data-ready=\"1\"", dom);
        Assert.DoesNotMatch("<(html|body)[^>]*data-errors=", dom);
        var communes = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sample-workspace", "units.csv"))
            .Select(l => l.Split(','))
            .Where(f => f[3] == "commune")
            .ToList();
        Assert.Equal(82, communes.Count);
        Assert.All(communes, f => Assert.Contains(f[1], dom, StringComparison.Ordinal));
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
    }
}
