using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting.Tests.Markdown;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public async Task WriteAsync_Scenario_HasARankingTablePerGroupWithEveryUnitBandsAndMovers()
    {
        var content = ReportScenario.Content;
        var text = await Write(content);
        var model = ReportModel.Create(content);
        Assert.StartsWith("# " + content.Definition.Title.Vi, text, StringComparison.Ordinal);
        foreach (var unit in content.Result.Units)
        {
            var line = Assert.Single(text.Split('\n'), l => l.Contains("| " + unit.Unit.Name.Vi + " |", StringComparison.Ordinal) && l.Contains(model.Ratio(unit.Total.Value), StringComparison.Ordinal));
            Assert.StartsWith("| " + (unit.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) + " |", line, StringComparison.Ordinal);
        }

        Assert.Contains("## Xếp hạng: " + content.Definition.Groups[0].Name.Vi, text, StringComparison.Ordinal);
        Assert.Contains("## Xếp hạng: " + content.Definition.Groups[1].Name.Vi, text, StringComparison.Ordinal);
        Assert.Contains("## Phân loại", text, StringComparison.Ordinal);
        Assert.Contains("### Tăng hạng nhiều nhất", text, StringComparison.Ordinal);
        Assert.Contains("### Giảm hạng nhiều nhất", text, StringComparison.Ordinal);
        Assert.Contains("## Độ bất định của thứ hạng", text, StringComparison.Ordinal);
        Assert.Contains(content.Result.Manifest.DefinitionSha256, text, StringComparison.Ordinal);

        // Every row of a table has the header's number of cells.
        foreach (var table in text.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var cells = Cells(lines[0]);
            Assert.All(lines, l => Assert.Equal(cells, Cells(l)));
        }
    }

    [Fact]
    public async Task WriteAsync_HostileNames_CannotBreakTablesOrInjectHtml()
    {
        var content = ReportScenario.WithNames("A | B", "<script>alert(1)</script>", "**bold** [link](http://x)", "Dòng\nhai");
        var text = await Write(content);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", text, StringComparison.Ordinal);
        Assert.Contains(@"A \| B", text, StringComparison.Ordinal);
        Assert.Contains(@"\*\*bold\*\* \[link\](http://x)", text, StringComparison.Ordinal);
        foreach (var table in text.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, l => Assert.Equal(Cells(lines[0]), Cells(l)));
        }
    }

    /// <summary>Cells of a Markdown table row: unescaped pipes.</summary>
    private static int Cells(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<string> Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        await new MarkdownReportWriter().WriteAsync(content, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
