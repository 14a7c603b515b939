using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using FsCheck;
using FsCheck.Fluent;

namespace BRVT.Dti.TestUtilities;

/// <summary>
/// Generates valid definitions with data: random trees (sum, mean, geometric), every built-in rule, groups, applicability,
/// views, bands and missing-data policies. Generation is driven by a seed that FsCheck chooses.
/// </summary>
public static class ScenarioGenerator
{
    private const int MeasureCount = 6;

    public static Arbitrary<Scenario> Any() => Gen.Choose(0, int.MaxValue).Select(seed => Create(seed, monotone: false)).ToArbitrary();

    public static Arbitrary<Scenario> MonotoneOnly() => Gen.Choose(0, int.MaxValue).Select(seed => Create(seed, monotone: true)).ToArbitrary();

    public static Scenario Create(int seed, bool monotone)
    {
        var random = new Random(seed);
        var measures = Enumerable.Range(0, MeasureCount).Select(i => $"m{i}").ToArray();
        var groupCount = random.Next(1, 4);
        var groups = new JsonArray();
        for (var g = 0; g < groupCount; g++)
        {
            groups.Add(new JsonObject { ["id"] = $"g{g}", ["name"] = $"Nhóm {g}", ["ranked"] = g < 2 || random.Next(2) == 0, ["rankWithinParent"] = random.Next(4) == 0 });
        }

        var rootIsSum = random.Next(4) != 0;
        var rootMax = rootIsSum ? 1000.0 : 1.0;
        var counter = 0;
        var topCount = random.Next(1, 5);
        var top = Children(random, topCount, rootIsSum ? "sum" : "mean", rootMax, 1, groupCount, measures, monotone, ref counter);
        var policies = new[] { "zero", "exclude", "missing" };
        var definition = new JsonObject
        {
            ["id"] = "generated",
            ["version"] = seed.ToString(CultureInfo.InvariantCulture),
            ["title"] = new JsonObject { ["vi"] = "Chỉ số sinh ngẫu nhiên", ["en"] = "Generated index" },
            ["scale"] = new JsonObject { ["maxPoints"] = rootMax, ["decimals"] = 4 },
            ["groups"] = groups,
            ["measures"] = new JsonArray([.. measures.Select(m => (JsonNode)new JsonObject { ["id"] = m, ["name"] = m })]),
            ["aggregation"] = rootIsSum ? "sum" : "mean",
            ["nodes"] = top,
            ["views"] = new JsonArray(new JsonObject
            {
                ["id"] = "view",
                ["name"] = "Trụ cột",
                ["nodes"] = new JsonArray([.. top.Select(n => n!["id"]!.GetValue<string>()).Where(_ => random.Next(2) == 0).DefaultIfEmpty(top[0]!["id"]!.GetValue<string>()).Select(id => (JsonNode)JsonValue.Create(id)!)]),
            }),
            ["bands"] = new JsonArray(
                Band("tot", 0.8, 1), Band("kha", 0.65, 0.8), Band("tb", 0.5, 0.65), Band("yeu", 0, 0.5)),
            ["missingData"] = policies[random.Next(3)],
        };

        var units = new List<UnitInfo>();
        var unitCount = random.Next(1, 26);
        for (var u = 0; u < unitCount; u++)
        {
            units.Add(new UnitInfo
            {
                Id = $"u{u:D2}",
                Name = new LocalizedText($"Đơn vị {u}"),
                Kind = "agency",
                Group = $"g{random.Next(groupCount)}",
                ParentId = $"p{random.Next(3)}",
            });
        }

        double[] commonValues = [0, 1, 25, 50, 100];
        var observations = new List<Observation>();
        foreach (var unit in units)
        {
            foreach (var measure in measures)
            {
                if (random.NextDouble() < 0.1)
                {
                    continue;
                }

                var value = random.NextDouble() < 0.3 ? commonValues[random.Next(commonValues.Length)] : Math.Round(random.NextDouble() * 120, 3);
                observations.Add(new Observation(unit.Id, measure, "2023", value, new Provenance("generated", $"{unit.Id}:{measure}")));
            }
        }

        var json = definition.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new Scenario(seed, json, units, observations, measures, monotone);
    }

    private static JsonObject Band(string id, double from, double to) => new() { ["id"] = id, ["name"] = id, ["from"] = from, ["to"] = to };

    private static JsonArray Children(Random random, int count, string parentAggregation, double parentMax, int depth, int groupCount, string[] measures, bool monotone, ref int counter)
    {
        var maxima = parentAggregation == "sum" ? Split(random, parentMax, count) : null;
        var children = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var id = $"n{counter++}";
            var node = new JsonObject { ["id"] = id, ["name"] = $"Chỉ tiêu {id}" };
            if (maxima is not null)
            {
                node["maxPoints"] = maxima[i];
            }
            else
            {
                node["weight"] = random.Next(1, 6);
            }

            if (random.Next(7) == 0)
            {
                node["appliesTo"] = new JsonArray((JsonNode)$"g{random.Next(groupCount)}");
            }

            if (random.Next(10) == 0)
            {
                node["missingData"] = new[] { "zero", "exclude", "missing" }[random.Next(3)];
            }

            if (depth < 3 && random.NextDouble() < 0.45)
            {
                var aggregation = new[] { "sum", "sum", "mean", "geometric" }[random.Next(4)];
                node["aggregation"] = aggregation;
                var ownMax = maxima?[i] ?? 100.0;
                if (maxima is null && aggregation == "sum")
                {
                    node["maxPoints"] = ownMax;
                }

                node["children"] = Children(random, random.Next(1, 4), aggregation, ownMax, depth + 1, groupCount, measures, monotone, ref counter);
            }
            else
            {
                node["rule"] = Rule(random, measures, monotone, maxima?[i]);
            }

            children.Add(node);
        }

        return children;
    }

    private static double[] Split(Random random, double total, int count)
    {
        if (count == 1)
        {
            return [total];
        }

        // Integer cuts for point scales, quarter cuts for shares: sums stay exact in floating point.
        var unit = total >= 10 ? 1.0 : 0.25;
        var steps = (int)Math.Round(total / unit);
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(0, steps + 1)).Order().ToList();
        var result = new double[count];
        var previous = 0;
        for (var i = 0; i < count; i++)
        {
            var cut = i < count - 1 ? cuts[i] : steps;
            result[i] = (cut - previous) * unit;
            previous = cut;
        }

        return result;
    }

    private static JsonObject Rule(Random random, string[] measures, bool monotone, double? maxPoints)
    {
        string M() => measures[random.Next(measures.Length)];
        var kinds = monotone ? 7 : 11;
        switch (random.Next(kinds))
        {
            case 0:
                return new JsonObject { ["type"] = "boolean", ["measure"] = M(), ["half"] = random.Next(2) == 0 };
            case 1:
                return new JsonObject { ["type"] = "ratio", ["measure"] = M(), ["of"] = 100 };
            case 2:
                return new JsonObject { ["type"] = "target", ["measure"] = M(), ["target"] = 50, ["comparison"] = random.Next(2) == 0 ? ">=" : ">", ["allOrNothing"] = random.Next(3) == 0 };
            case 3 when maxPoints is null:
                // Bands need the leaf's maximum, known only under a sum parent; elsewhere a ratio takes their place.
                return new JsonObject { ["type"] = "ratio", ["measure"] = M(), ["of"] = 50 };
            case 3:
                var top = maxPoints.Value;
                return new JsonObject
                {
                    ["type"] = "bands",
                    ["measure"] = M(),
                    ["bands"] = new JsonArray(
                        new JsonObject { ["min"] = 100, ["points"] = top },
                        new JsonObject { ["min"] = 50, ["points"] = top / 2 },
                        new JsonObject { ["min"] = 25, ["points"] = top / 4 }),
                };
            case 4:
                return new JsonObject { ["type"] = "linear", ["measure"] = M(), ["lower"] = 10, ["upper"] = 90 };
            case 5:
                return new JsonObject { ["type"] = "relative", ["measure"] = M(), ["peers"] = random.Next(2) == 0 ? "group" : "all" };
            case 6:
                return new JsonObject { ["type"] = "formula", ["expression"] = $"min({M()} / 100, 1) * 0.5 + clamp({M()} / 200, 0, 0.5)" };
            case 7:
                return new JsonObject { ["type"] = "ratio", ["numerator"] = M(), ["denominator"] = M(), ["whenZero"] = new[] { "missing", "zero", "full" }[random.Next(3)] };
            case 8:
                return new JsonObject { ["type"] = "linear", ["measure"] = M(), ["lower"] = 0, ["upper"] = 100, ["direction"] = "lower" };
            case 9:
                return new JsonObject { ["type"] = "target", ["measure"] = M(), ["target"] = 30, ["comparison"] = "<=" };
            default:
                return new JsonObject { ["type"] = "formula", ["expression"] = $"if({M()} > {M()}, 1, 0.3)" };
        }
    }
}
