using System.Text.Json;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring;
using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Compilation;

/// <summary>
/// Turns a definition that passed validation into a <see cref="ScoringPlan"/>: nodes in preorder with parent indices,
/// capacities and policies, one compiled kernel per leaf, and computed measures in dependency order.
/// </summary>
internal sealed class DefinitionCompiler(RuleRegistry rules, DtiLimits limits)
{
    private readonly FormulaLimits formulaLimits = limits.Formula;

    public ScoringPlan? Compile(IndexDefinition definition, string definitionSha256, ProblemSink sink)
    {
        var measures = OrderMeasures(definition);
        var measureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < measures.Count; i++)
        {
            measureIndex[measures[i].Id] = i;
        }

        var planMeasures = measures.Select(m => CompileMeasure(m, measureIndex)).ToArray();
        var measureById = definition.Measures
            .GroupBy(m => m.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var nodes = new List<PlanNode>();
        var leaves = new List<PlanLeaf>();
        var root = new PlanNode
        {
            Id = definition.Id,
            Code = definition.Id,
            Name = definition.Title,
            Parent = -1,
            Depth = 0,
            Aggregation = definition.Aggregation,
            Capacity = definition.Scale.MaxPoints,
            NominalMax = definition.Scale.MaxPoints,
            MissingData = definition.MissingData,
            AppliesTo = [],
        };
        nodes.Add(root);
        root.Children = AddChildren(definition.Nodes, "/nodes", 0, root, definition.MissingData);

        int[] AddChildren(IReadOnlyList<NodeDefinition> children, string pointer, int parentIndex, PlanNode parent, MissingDataPolicy inherited)
        {
            var indices = new int[children.Count];
            var capacities = 0.0;
            for (var i = 0; i < children.Count; i++)
            {
                var child = children[i];
                var capacity = parent.Aggregation == AggregationMethod.Sum ? child.MaxPoints ?? 0 : child.Weight ?? 1;
                capacities += capacity;
                var node = new PlanNode
                {
                    Id = child.Id,
                    Code = child.Code ?? child.Id,
                    Name = child.Name,
                    Parent = parentIndex,
                    Depth = parent.Depth + 1,
                    Aggregation = child.Aggregation ?? AggregationMethod.Sum,
                    Capacity = capacity,
                    NominalMax = 0,
                    MissingData = child.MissingData ?? inherited,
                    AppliesTo = child.AppliesTo,
                    Definition = child,
                };
                indices[i] = nodes.Count;
                nodes.Add(node);
                if (child.Children.Count > 0)
                {
                    node.Children = AddChildren(child.Children, $"{pointer}/{i}/children", indices[i], node, node.MissingData);
                }
            }

            parent.ChildCapacity = capacities;
            return indices;
        }

        // Nominal maxima top-down: a child's share of its parent's maximum is its capacity over the declared total.
        foreach (var node in nodes)
        {
            foreach (var childIndex in node.Children)
            {
                var child = nodes[childIndex];
                child.NominalMax = node.ChildCapacity > 0 ? node.NominalMax * child.Capacity / node.ChildCapacity : 0;
            }
        }

        // Leaves: compile each rule against the leaf's nominal maximum.
        var pointers = new Dictionary<NodeDefinition, string>(ReferenceEqualityComparer.Instance);
        CollectPointers(definition.Nodes, "/nodes", pointers);
        for (var index = 1; index < nodes.Count; index++)
        {
            var node = nodes[index];
            if (node.Definition is not { Rule: { } rule } leafDefinition || node.Children.Length > 0)
            {
                continue;
            }

            if (!rules.TryGet(rule.Type, out var scoringRule))
            {
                continue; // reported by the semantic validator
            }

            var rulePointer = pointers[leafDefinition] + "/rule";
            // Rules see the leaf's maxPoints as written (its own scale); under a mean parent, its share of the parent's maximum.
            var ruleMax = nodes[node.Parent].Aggregation == AggregationMethod.Sum ? node.Capacity : node.NominalMax;
            var context = new RuleCompilationContext(rule.Parameters, rulePointer, leafDefinition, ruleMax, measureById, sink.Error);
            IRuleKernel? kernel;
            try
            {
                kernel = scoringRule.Compile(context);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
            {
                sink.Error(rulePointer, $"The '{rule.Type}' rule could not read its parameters: {exception.Message}");
                continue;
            }

            if (kernel is null)
            {
                if (!context.HasProblems)
                {
                    sink.Error(rulePointer, $"The '{rule.Type}' rule returned no kernel and reported no problem. This is a defect of the rule's plugin.");
                }

                continue;
            }

            var inputs = new int[kernel.Inputs.Count];
            for (var i = 0; i < inputs.Length; i++)
            {
                if (!measureIndex.TryGetValue(kernel.Inputs[i], out inputs[i]))
                {
                    sink.Error(rulePointer, $"The '{rule.Type}' rule reads measure '{kernel.Inputs[i]}', which is not declared. Declare it in \"measures\".");
                }
            }

            node.Leaf = leaves.Count;
            leaves.Add(new PlanLeaf(index, rule.Type, kernel, inputs));
        }

        return sink.HasErrors ? null : new ScoringPlan(definition, definitionSha256, [.. nodes], [.. leaves], planMeasures, limits);
    }

    private PlanMeasure CompileMeasure(MeasureDefinition measure, Dictionary<string, int> measureIndex)
    {
        if (measure.Formula is null || Formula.Parse(measure.Formula, formulaLimits).Formula is not { } formula)
        {
            return new PlanMeasure(measure, null, []);
        }

        // An unknown variable was reported by the semantic validator; the measure then compiles without its formula.
        return formula.Variables.All(measureIndex.ContainsKey)
            ? new PlanMeasure(measure, formula, [.. formula.Variables.Select(v => measureIndex[v])])
            : new PlanMeasure(measure, null, []);
    }

    /// <summary>Orders measures so that every computed measure comes after the measures its formula reads.</summary>
    private List<MeasureDefinition> OrderMeasures(IndexDefinition definition)
    {
        var byId = definition.Measures.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ordered = new List<MeasureDefinition>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in byId.Values)
        {
            Visit(measure);
        }

        return ordered;

        void Visit(MeasureDefinition measure)
        {
            if (!done.Add(measure.Id))
            {
                return;
            }

            if (measure.Formula is not null && Formula.Parse(measure.Formula, formulaLimits).Formula is { } formula)
            {
                foreach (var variable in formula.Variables)
                {
                    if (byId.TryGetValue(variable, out var input))
                    {
                        Visit(input);
                    }
                }
            }

            ordered.Add(measure);
        }
    }

    private static void CollectPointers(IReadOnlyList<NodeDefinition> nodes, string pointer, Dictionary<NodeDefinition, string> pointers)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            pointers[nodes[i]] = $"{pointer}/{i}";
            CollectPointers(nodes[i].Children, $"{pointer}/{i}/children", pointers);
        }
    }
}
