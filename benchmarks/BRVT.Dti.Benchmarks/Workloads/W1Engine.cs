using System.Text.Json.Nodes;
using BRVT.Dti.Analysis;
using BRVT.Dti.Data;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// W1 as an index definition for the engine: the W1 tree (100 → 9 → 3 → index) with weighted means, one
/// <c>linear</c> leaf per indicator (the goalposts and direction of <see cref="W1Data"/>), missing data excluded with
/// weights re-normalised, ranking by the total; and the W1 values as observations.
/// </summary>
public static class W1Engine
{
    public static ScoringPlan Plan(CompositeStructure structure)
    {
        var measures = new JsonArray([.. structure.Indicators.Select(code => (JsonNode)new JsonObject
        {
            ["id"] = code,
            ["name"] = code,
            ["direction"] = structure[code].Direction == 1 ? "higher" : "lower",
        })]);
        JsonObject Node(string code)
        {
            var node = structure[code];
            var json = new JsonObject { ["id"] = code, ["name"] = code, ["weight"] = node.Weight };
            if (node.IsIndicator)
            {
                json["rule"] = new JsonObject { ["type"] = "linear", ["measure"] = code, ["lower"] = node.GoalpostLow, ["upper"] = node.GoalpostHigh };
            }
            else
            {
                json["aggregation"] = "mean";
                json["children"] = new JsonArray([.. structure.Children(code).Select(c => (JsonNode)Node(c))]);
            }

            return json;
        }

        var definition = new JsonObject
        {
            ["id"] = "w1-benchmark",
            ["version"] = "1",
            ["title"] = "W1",
            ["scale"] = new JsonObject { ["maxPoints"] = 100, ["decimals"] = 4 },
            ["measures"] = measures,
            ["aggregation"] = "mean",
            ["missingData"] = "exclude",
            ["nodes"] = new JsonArray([.. structure.Children(structure.Root).Select(c => (JsonNode)Node(c))]),
        };
        var result = new DtiEngine().LoadDefinition(definition.ToJsonString(), "w1.json");
        return result.Plan ?? throw new InvalidOperationException("The W1 definition does not compile: " + string.Join("; ", result.Problems));
    }

    public static IReadOnlyList<UnitInfo> Units(int count) =>
        [.. Enumerable.Range(0, count).Select(u => new UnitInfo { Id = W1Data.UnitId(u), Name = new(W1Data.UnitId(u)), Kind = "commune" })];

    public static IEnumerable<Observation> Observations(CompositeStructure structure, double[][] columns)
    {
        var provenance = new Provenance("w1", "generated");
        for (var c = 0; c < columns.Length; c++)
        {
            var code = structure.Indicators[c];
            for (var u = 0; u < columns[c].Length; u++)
            {
                if (!double.IsNaN(columns[c][u]))
                {
                    yield return new Observation(W1Data.UnitId(u), code, "2026", columns[c][u], provenance);
                }
            }
        }
    }
}
