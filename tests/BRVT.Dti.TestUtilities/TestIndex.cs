using System.Text.Json;

namespace BRVT.Dti.TestUtilities;

/// <summary>Loads definitions in tests and fails with every problem listed when one does not compile.</summary>
public static class TestIndex
{
    public static ScoringPlan Compile(string json, DtiEngine? engine = null)
    {
        var result = (engine ?? new DtiEngine()).LoadDefinition(json, "test.json");
        return result.Plan ?? throw new InvalidOperationException("The test definition does not compile:\n" + string.Join("\n", result.Problems));
    }

    public static string TestDataPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>A minimal valid definition around the given measures, nodes and extra top-level properties (JSON fragments).</summary>
    public static string Minimal(string measures, string nodes, string extra = "", double maxPoints = 100) => $$"""
        {
          "id": "test-index",
          "version": "1",
          "title": "Chỉ số thử",
          "scale": { "maxPoints": {{maxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "decimals": 4 },
          "measures": [{{measures}}],
          "nodes": [{{nodes}}]{{(extra.Length == 0 ? "" : "," + extra)}}
        }
        """;

    /// <summary>A measure declaration.</summary>
    public static string Measure(string id, string direction = "higher") =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "direction": "{{direction}}" }""";

    /// <summary>A leaf with one rule (a JSON object text).</summary>
    public static string Leaf(string id, double maxPoints, string rule, string extra = "") =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "maxPoints": {{maxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "rule": {{rule}}{{(extra.Length == 0 ? "" : "," + extra)}} }""";

    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
