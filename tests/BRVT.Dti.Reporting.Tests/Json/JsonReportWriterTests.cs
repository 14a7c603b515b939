using System.Text.Json;

namespace BRVT.Dti.Reporting.Tests.Json;

public sealed class JsonReportWriterTests
{
    [Fact]
    public async Task WriteAsync_Scenario_IsTheResultJsonWithManifestAndEveryUnit()
    {
        var content = ReportScenario.Content;
        using var stream = new MemoryStream();
        await new JsonReportWriter().WriteAsync(content, stream);
        Assert.Equal(AssessmentResultJson.Serialize(content.Result), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(content.Result.Manifest.DataSha256, json.RootElement.GetProperty("manifest").GetProperty("dataSha256").GetString());
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(content.Result.Units.Count, units.Count);
        foreach (var unit in content.Result.Units)
        {
            var element = units.Single(u => u.GetProperty("id").GetString() == unit.Unit.Id);
            Assert.Equal(unit.Rank, element.TryGetProperty("rank", out var rank) ? rank.GetInt32() : null);
            Assert.Equal(unit.Total.Points, element.GetProperty("total").GetProperty("points").GetDouble());
        }
    }
}
