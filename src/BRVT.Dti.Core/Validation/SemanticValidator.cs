using System.Globalization;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Validation;

/// <summary>
/// The second layer of validation, on a definition the schema accepted: unique ids, unknown references, cycles among
/// formula measures, points that do not add up, weights, views, bands and the ranking basis. Rule parameters are
/// checked when the rules compile.
/// </summary>
internal sealed class SemanticValidator(RuleRegistry rules, FormulaLimits formulaLimits, DtiLimits limits)
{
    private const double Tolerance = 1e-9;

    public void Validate(IndexDefinition definition, ProblemSink sink)
    {
        CheckUnique(definition.Groups.Select(g => g.Id), "/groups", "group", sink);
        CheckUnique(definition.Measures.Select(m => m.Id), "/measures", "measure", sink);
        CheckUnique(definition.Views.Select(v => v.Id), "/views", "view", sink);
        CheckUnique(definition.Bands.Select(b => b.Id), "/bands", "band", sink);
        var nodeIds = CheckNodes(definition, sink);
        CheckMeasures(definition, sink);
        CheckViews(definition, nodeIds, sink);
        CheckBands(definition, sink);
        CheckRanking(definition, nodeIds, sink);
    }

    private static void CheckUnique(IEnumerable<string> ids, string pointer, string what, ProblemSink sink)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.TryAdd(id, index))
            {
                sink.Error($"{pointer}/{index}/id", $"The {what} id '{id}' is used twice (first at {pointer}/{seen[id]}). Give each {what} its own id.");
            }

            index++;
        }
    }

    private Dictionary<string, NodeInfo> CheckNodes(IndexDefinition definition, ProblemSink sink)
    {
        var nodes = new Dictionary<string, NodeInfo>(StringComparer.Ordinal);
        var groupsAndKinds = new HashSet<string>(definition.Groups.Select(g => g.Id), StringComparer.Ordinal);
        groupsAndKinds.UnionWith(definition.UnitKinds);
        var count = 0;
        var tooMany = false;

        void Walk(IReadOnlyList<NodeDefinition> children, string pointer, AggregationMethod parentAggregation, double? parentMax, string parentLabel, NodeInfo? parent, int depth)
        {
            if (depth > limits.MaxTreeDepth)
            {
                sink.Error(pointer, $"The tree is deeper than {limits.MaxTreeDepth.ToString(CultureInfo.InvariantCulture)} levels. Flatten it, or raise DtiLimits.MaxTreeDepth.");
                return;
            }

            var sum = 0.0;
            var allHaveMax = true;
            for (var i = 0; i < children.Count; i++)
            {
                var node = children[i];
                var at = $"{pointer}/{i}";
                if (++count > limits.MaxNodes)
                {
                    if (!tooMany)
                    {
                        sink.Error(at, $"The definition has more than {limits.MaxNodes.ToString(CultureInfo.InvariantCulture)} nodes. Split it, or raise DtiLimits.MaxNodes.");
                        tooMany = true;
                    }

                    return;
                }

                var info = new NodeInfo(node, at, parent);
                if (node.Id.Contains('/', StringComparison.Ordinal))
                {
                    sink.Error($"{at}/id", $"The node id '{node.Id}' contains '/'. Use letters, digits, '.', '-' or '_' (e.g. '7.3').");
                }

                if (!nodes.TryAdd(node.Id, info))
                {
                    sink.Error($"{at}/id", $"The node id '{node.Id}' is used twice (first at {nodes[node.Id].Pointer}). Give each node its own id; use \"code\" for the displayed number.");
                }

                if (parentAggregation == AggregationMethod.Sum)
                {
                    if (node.MaxPoints is { } max)
                    {
                        sum += max;
                    }
                    else
                    {
                        allHaveMax = false;
                        sink.Error(at, $"Node '{node.Id}' sits under {parentLabel}, which adds up points, so it needs \"maxPoints\". Add \"maxPoints\", or make the parent a mean with \"aggregation\": \"mean\" and give weights.");
                    }

                    if (node.Weight is not null)
                    {
                        sink.Warning($"{at}/weight", $"\"weight\" is ignored under {parentLabel}, which adds up points. Remove it, or make the parent a mean.");
                    }
                }
                else if (node.MaxPoints is not null && node.Children.Count == 0)
                {
                    sink.Warning($"{at}/maxPoints", $"\"maxPoints\" is ignored under {parentLabel}, which averages its children by weight; the leaf's maximum follows from the parent's. Use \"weight\" instead.");
                }

                foreach (var (target, index) in node.AppliesTo.Select((t, k) => (t, k)))
                {
                    if (!groupsAndKinds.Contains(target))
                    {
                        var known = groupsAndKinds.Count == 0 ? "the definition declares no groups or unit kinds" : "known: " + string.Join(", ", groupsAndKinds.Order(StringComparer.Ordinal));
                        sink.Error($"{at}/appliesTo/{index}", $"'{target}' is neither a group nor a unit kind of this definition ({known}). Declare it in \"groups\" or \"unitKinds\", or correct it.");
                    }
                }

                if (node.Children.Count > 0 && node.Rule is not null)
                {
                    sink.Error($"{at}/rule", $"Node '{node.Id}' has both \"children\" and a \"rule\". A group node combines its children; a leaf has a rule. Remove one.");
                }
                else if (node.Children.Count == 0 && node.Rule is null)
                {
                    sink.Error(at, $"Node '{node.Id}' has neither \"children\" nor a \"rule\". Give the leaf a rule, e.g. {{ \"type\": \"boolean\", \"measure\": \"…\" }}.");
                }
                else if (node.Rule is { } rule && !rules.TryGet(rule.Type, out _))
                {
                    sink.Error($"{at}/rule/type", $"Unknown rule type '{rule.Type}'. Use one of: {string.Join(", ", rules.Names)}, or load the plugin that provides it.");
                }

                if (node.Children.Count > 0)
                {
                    var aggregation = node.Aggregation ?? AggregationMethod.Sum;
                    var label = $"node '{node.Id}'";
                    Walk(node.Children, $"{at}/children", aggregation, aggregation == AggregationMethod.Sum ? node.MaxPoints : null, label, info, depth + 1);
                }
            }

            if (parentAggregation == AggregationMethod.Sum && allHaveMax && parentMax is { } expected && children.Count > 0
                && Math.Abs(sum - expected) > Tolerance * Math.Max(1, Math.Abs(expected)))
            {
                var where = pointer.EndsWith("/children", StringComparison.Ordinal) ? pointer[..^"/children".Length] + "/maxPoints" : "/scale/maxPoints";
                sink.Error(where, $"The children of {parentLabel} add up to {Format(sum)} points, but its maximum is {Format(expected)}. Make the children's maxPoints add up to {Format(expected)}, or change the maximum to {Format(sum)}.");
            }
        }

        Walk(definition.Nodes, "/nodes", definition.Aggregation, definition.Aggregation == AggregationMethod.Sum ? definition.Scale.MaxPoints : null, "the index", null, 1);
        return nodes;
    }

    private void CheckMeasures(IndexDefinition definition, ProblemSink sink)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Measures.Count; i++)
        {
            byId.TryAdd(definition.Measures[i].Id, i);
        }

        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Measures.Count; i++)
        {
            var measure = definition.Measures[i];
            var at = $"/measures/{i}";
            if (measure.Formula is { } text)
            {
                if (measure.Derivation is not null)
                {
                    sink.Error($"{at}/derivation", $"Measure '{measure.Id}' has both a \"formula\" and a \"derivation\". A measure is computed from other measures or aggregated from records, not both.");
                }

                var parsed = Formula.Parse(text, formulaLimits);
                foreach (var error in parsed.Errors)
                {
                    sink.Error($"{at}/formula", $"Column {error.Column.ToString(CultureInfo.InvariantCulture)}: {error.Message}");
                }

                if (parsed.Formula is { } formula)
                {
                    foreach (var variable in formula.Variables.Where(v => !byId.ContainsKey(v)))
                    {
                        sink.Error($"{at}/formula", $"The formula names '{variable}', which is not a declared measure. Declare it in \"measures\" or correct the name.");
                    }

                    dependencies[measure.Id] = [.. formula.Variables.Where(byId.ContainsKey)];
                }
            }

            if (measure.Derivation is { } derivation)
            {
                CheckDerivation(derivation, $"{at}/derivation", sink);
            }
        }

        foreach (var cycle in FindCycles(dependencies))
        {
            var first = byId[cycle[0]];
            sink.Error($"/measures/{first}/formula",
                $"The formulas of measures {string.Join(" → ", cycle)} → {cycle[0]} depend on each other in a cycle. Break the cycle: at least one of them must be observed, not computed.");
        }
    }

    private void CheckDerivation(MeasureDerivation derivation, string at, ProblemSink sink)
    {
        string[] functions = ["count", "sum", "mean", "min", "max", "ratio"];
        if (Array.IndexOf(functions, derivation.Function) < 0)
        {
            sink.Error($"{at}/function", $"Unknown aggregate '{derivation.Function}'. Use one of: {string.Join(", ", functions)}.");
        }

        if (derivation.Function is "sum" or "mean" or "min" or "max" && string.IsNullOrEmpty(derivation.Field))
        {
            sink.Error(at, $"The aggregate '{derivation.Function}' needs \"field\": the record field to aggregate.");
        }

        if (derivation.Function != "ratio" && derivation.DenominatorFilter is not null)
        {
            sink.Error($"{at}/denominatorFilter", "\"denominatorFilter\" applies to the 'ratio' aggregate only. Remove it or use \"function\": \"ratio\".");
        }

        foreach (var (name, filter) in new[] { ("filter", derivation.Filter), ("denominatorFilter", derivation.DenominatorFilter) })
        {
            if (filter is null)
            {
                continue;
            }

            foreach (var error in Formula.Parse(filter, formulaLimits).Errors)
            {
                sink.Error($"{at}/{name}", $"Column {error.Column.ToString(CultureInfo.InvariantCulture)}: {error.Message}");
            }
        }
    }

    private static List<List<string>> FindCycles(Dictionary<string, IReadOnlyList<string>> dependencies)
    {
        // Iterative depth-first search with colours; each cycle is reported once, starting at its smallest id.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in dependencies.Keys.Order(StringComparer.Ordinal))
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<string>();
            var stack = new Stack<(string Id, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var edges = dependencies.TryGetValue(id, out var list) ? list : [];
                if (next < edges.Count)
                {
                    stack.Push((id, next + 1));
                    var target = edges[next];
                    if (!state.TryGetValue(target, out var colour))
                    {
                        state[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                    else if (colour == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(target)).ToList();
                        var smallest = cycle.Order(StringComparer.Ordinal).First();
                        var rotated = cycle.Skip(cycle.IndexOf(smallest)).Concat(cycle.Take(cycle.IndexOf(smallest))).ToList();
                        if (reported.Add(string.Join("\u0001", rotated)))
                        {
                            cycles.Add(rotated);
                        }
                    }
                }
                else
                {
                    state[id] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return cycles;
    }

    private static void CheckViews(IndexDefinition definition, Dictionary<string, NodeInfo> nodes, ProblemSink sink)
    {
        for (var i = 0; i < definition.Views.Count; i++)
        {
            var view = definition.Views[i];
            if (nodes.ContainsKey(view.Id))
            {
                sink.Error($"/views/{i}/id", $"The view id '{view.Id}' is also a node id. Give the view its own id, so that \"ranking.by\" is unambiguous.");
            }

            var listed = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < view.Nodes.Count; j++)
            {
                var id = view.Nodes[j];
                var at = $"/views/{i}/nodes/{j}";
                if (!nodes.TryGetValue(id, out var node))
                {
                    sink.Error(at, $"View '{view.Id}' names node '{id}', which does not exist. Use the id of a node in \"nodes\".");
                }
                else if (!listed.Add(id))
                {
                    sink.Error(at, $"View '{view.Id}' names node '{id}' twice. Remove the duplicate.");
                }
                else
                {
                    for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
                    {
                        if (view.Nodes.Contains(ancestor.Node.Id, StringComparer.Ordinal))
                        {
                            sink.Error(at, $"View '{view.Id}' names node '{id}' and its ancestor '{ancestor.Node.Id}', so its points would count twice. Keep only one of them.");
                            break;
                        }
                    }
                }
            }
        }
    }

    private static void CheckBands(IndexDefinition definition, ProblemSink sink)
    {
        var ordered = definition.Bands.Select((b, i) => (Band: b, Index: i)).OrderBy(x => x.Band.From).ThenBy(x => x.Index).ToList();
        foreach (var (band, index) in ordered)
        {
            if (band.From < 0 || band.To > 1 || band.From >= band.To)
            {
                sink.Error($"/bands/{index}", $"Band '{band.Id}' runs from {Format(band.From)} to {Format(band.To)}. Bands are shares of the maximum: 0 ≤ from < to ≤ 1 (e.g. Tốt from 0.8 to 1).");
            }
        }

        for (var k = 1; k < ordered.Count; k++)
        {
            var (previous, previousIndex) = ordered[k - 1];
            var (band, index) = ordered[k];
            if (band.From < previous.To - Tolerance)
            {
                sink.Error($"/bands/{index}/from", $"Band '{band.Id}' ({Format(band.From)}..{Format(band.To)}) overlaps band '{previous.Id}' ({Format(previous.From)}..{Format(previous.To)}). Make '{band.Id}' start at {Format(previous.To)} or end '{previous.Id}' at {Format(band.From)}.");
            }
            else if (band.From > previous.To + Tolerance)
            {
                sink.Warning($"/bands/{previousIndex}/to", $"No band covers shares from {Format(previous.To)} to {Format(band.From)}, so units there get no band. Extend '{previous.Id}' or '{band.Id}' if that is not intended.");
            }
        }

        if (ordered.Count > 0 && ordered[0].Band.From > Tolerance)
        {
            sink.Warning($"/bands/{ordered[0].Index}/from", $"No band covers shares below {Format(ordered[0].Band.From)}. Add a lowest band from 0 if every unit should be classified.");
        }

        if (ordered.Count > 0 && ordered[^1].Band.To < 1 - Tolerance)
        {
            sink.Warning($"/bands/{ordered[^1].Index}/to", $"No band covers shares above {Format(ordered[^1].Band.To)}. End the highest band at 1.");
        }
    }

    private static void CheckRanking(IndexDefinition definition, Dictionary<string, NodeInfo> nodes, ProblemSink sink)
    {
        var by = definition.Ranking.By;
        if (by != "total" && !nodes.ContainsKey(by) && !definition.Views.Any(v => v.Id == by))
        {
            sink.Error("/ranking/by", $"Units are to be ranked by '{by}', which is neither \"total\" nor a view or node id. Use \"total\" or an existing id.");
        }

        if (definition.Ranking.TieTolerance is < 0 or > 1)
        {
            sink.Error("/ranking/tieTolerance", "\"tieTolerance\" is in share units: a number from 0 to 1 (e.g. 0.00005 for half a unit in the 4th decimal).");
        }
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private sealed record NodeInfo(NodeDefinition Node, string Pointer, NodeInfo? Parent);
}
