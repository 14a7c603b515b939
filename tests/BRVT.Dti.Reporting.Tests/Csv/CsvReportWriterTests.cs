using System.Globalization;
using System.Text;

namespace BRVT.Dti.Reporting.Tests.Csv;

public sealed class CsvReportWriterTests
{
    [Fact]
    public async Task WriteAsync_Scenario_ParsesBackToEveryUnitsRankPointsValueBandAndMainIndicators()
    {
        var content = ReportScenario.Content;
        var bytes = await Write(content);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        Assert.Equal(["unit", "name", "group", "rank", "rank_within_parent", "points", "max_points", "value", "band", "band_name", "value_1"], header[..11]);
        Assert.Equal(["value_1", "value_2", "value_3", "value_4", "value_5", "value_6", "value_7"], header.Where(h => h.StartsWith("value_", StringComparison.Ordinal)));
        Assert.Equal(content.Result.Units.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));

        var column = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        foreach (var unit in content.Result.Units)
        {
            var row = Assert.Single(rows, r => r[0] == unit.Unit.Id);
            Assert.Equal(unit.Unit.Name.Vi, row[column["name"]]);
            Assert.Equal(unit.Unit.Group, row[column["group"]]);
            Assert.Equal(unit.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row[column["rank"]]);
            Assert.Equal(unit.Total.Points, double.Parse(row[column["points"]], CultureInfo.InvariantCulture), 0.005);
            Assert.Equal(unit.Total.MaxPoints, double.Parse(row[column["max_points"]], CultureInfo.InvariantCulture), 0.005);
            Assert.Equal(Math.Round(unit.Total.Value, 4, MidpointRounding.AwayFromZero), double.Parse(row[column["value"]], CultureInfo.InvariantCulture), 0.00005 + 1e-12);
            Assert.Matches(@"^\d\.\d{4}$", row[column["value"]]);
            Assert.Equal(unit.Band, row[column["band"]]);
            var online = unit.Nodes[content.Result.Nodes.Select((n, i) => (n, i)).Single(x => x.n.Id == "6").i].Value;
            Assert.Equal(double.IsFinite(online) ? online.ToString("F4", CultureInfo.InvariantCulture) : string.Empty, row[column["value_6"]]);
        }

        // Ranked group first (definition order), in rank order.
        var ranked = rows.Skip(1).TakeWhile(r => r[column["group"]] == "so-co-dvc").Select(r => int.Parse(r[column["rank"]], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, ranked.Count);
        Assert.Equal(ranked.Order(), ranked);
        Assert.Equal(1, ranked[0]);
    }

    [Fact]
    public async Task WriteAsync_HostileNames_AreQuotedAndParseBackExactly()
    {
        string[] names = ["Sở \"Tư pháp\", tỉnh", "Dòng\nhai", "Ban, Dân tộc", "=HYPERLINK(\"http://x\")", "-1+2"];
        var content = ReportScenario.WithNames(names);
        var bytes = await Write(content);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(names.Length + 1, rows.Count);
        for (var i = 0; i < names.Length; i++)
        {
            var row = Assert.Single(rows, r => r[0] == $"unit-{i}");
            var expected = names[i].StartsWith('=') || names[i].StartsWith('-') ? "'" + names[i] : names[i];
            Assert.Equal(expected, row[1]);
        }
    }

    private static async Task<byte[]> Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        await new CsvReportWriter().WriteAsync(content, stream);
        return stream.ToArray();
    }
}
