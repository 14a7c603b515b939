using BRVT.Dti.Definitions;

namespace BRVT.Dti.Compilation;

/// <summary>One node of a compiled plan; index 0 is the root (the whole index), then the tree in preorder.</summary>
internal sealed class PlanNode
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    public required int Parent { get; init; }

    public required int Depth { get; init; }

    /// <summary>How the node's children combine (group nodes and the root).</summary>
    public required AggregationMethod Aggregation { get; init; }

    /// <summary>The node's weight in its parent: its maxPoints under a sum parent, its weight under a mean parent.</summary>
    public required double Capacity { get; init; }

    /// <summary>The sum of the children's capacities as declared (for a sum node, its internal scale).</summary>
    public double ChildCapacity { get; set; }

    /// <summary>The maximum points the node has when every child applies.</summary>
    public required double NominalMax { get; set; }

    public required MissingDataPolicy MissingData { get; init; }

    /// <summary>The group ids and unit kinds the node applies to (inherited from ancestors); empty = all.</summary>
    public required IReadOnlyList<string> AppliesTo { get; init; }

    public int[] Children { get; set; } = [];

    /// <summary>The leaf's index in <see cref="ScoringPlan"/>'s leaves, or -1 for a group node.</summary>
    public int Leaf { get; set; } = -1;

    public NodeDefinition? Definition { get; init; }

    public bool IsLeaf => Leaf >= 0;
}
