using BRVT.Dti.Data;
using BRVT.Dti.Evaluation;
using BRVT.Dti.Results;

namespace BRVT.Dti.Explanations;

/// <summary>Walks one unit's result from the total down to every leaf, its rule, its observations and their provenance.</summary>
internal static class Explainer
{
    public static UnitExplanation Explain(ScoringPlan plan, AssessmentData data, AssessmentResult result, string unitId)
    {
        var u = Array.FindIndex(data.UnitArray, unit => string.Equals(unit.Id, unitId, StringComparison.Ordinal));
        if (u < 0 || u >= result.Units.Count || !string.Equals(result.Units[u].Unit.Id, unitId, StringComparison.Ordinal))
        {
            throw new KeyNotFoundException(
                $"Unit '{unitId}' is not in this assessment. Use the id of an assessed unit (e.g. '{data.UnitArray.FirstOrDefault()?.Id}'); units left out are listed in the data issues.");
        }

        var unitResult = result.Units[u];
        var leafShares = TreeEvaluator.EvaluateLeaves(plan, data, CancellationToken.None);
        return new UnitExplanation(unitResult.Unit, unitResult.Rank, unitResult.Band, Node(0));

        NodeExplanation Node(int n)
        {
            var node = plan.Nodes[n];
            var score = unitResult.Nodes[n];
            if (node.IsLeaf)
            {
                return new NodeExplanation(node.Id, node.Code, node.Name, score, null, [], Leaf(node.Leaf));
            }

            return new NodeExplanation(node.Id, node.Code, node.Name, score, node.Aggregation, [.. node.Children.Select(Node)], null);
        }

        LeafExplanation Leaf(int l)
        {
            var leaf = plan.Leaves[l];
            var values = new double[leaf.Inputs.Length];
            var inputs = new InputExplanation[leaf.Inputs.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var m = leaf.Inputs[i];
                var measure = plan.Measures[m];
                values[i] = data.Columns[m][u];
                var provenance = measure.IsComputed
                    ? new Provenance("computed", $"{measure.Id} = {measure.Definition.Formula}")
                    : data.Provenance[m][u];
                inputs[i] = new InputExplanation(measure.Id, values[i], provenance);
            }

            var share = leafShares[l][u];
            var description = data.Applies(leaf.Node, u)
                ? leaf.Kernel.Describe(values, share)
                : "does not apply to this unit";
            return new LeafExplanation(leaf.RuleName, leaf.Kernel.Parameters, description, inputs);
        }
    }
}
