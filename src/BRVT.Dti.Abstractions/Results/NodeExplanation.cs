using BRVT.Dti.Definitions;

namespace BRVT.Dti.Results;

/// <summary>How one unit scored on one node: its points, how its children combined, or for a leaf its rule and inputs.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="NodeId">The node identifier.</param>
/// <param name="Code">The display code.</param>
/// <param name="Name">The display name.</param>
/// <param name="Score">The unit's score on the node.</param>
/// <param name="Aggregation">How the children combined, for a group node; <see langword="null"/> for a leaf.</param>
/// <param name="Children">The children's explanations, for a group node.</param>
/// <param name="Leaf">The rule and inputs, for a leaf; <see langword="null"/> for a group node.</param>
public sealed record NodeExplanation(
    string NodeId,
    string Code,
    LocalizedText Name,
    NodeScore Score,
    AggregationMethod? Aggregation,
    IReadOnlyList<NodeExplanation> Children,
    LeafExplanation? Leaf);
