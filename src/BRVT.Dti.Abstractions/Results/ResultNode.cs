using BRVT.Dti.Definitions;

namespace BRVT.Dti.Results;

/// <summary>A node of the assessed index as results list it: index 0 is the whole index, then the tree depth first.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The node identifier (the definition's identifier for the root).</param>
/// <param name="Code">The display code.</param>
/// <param name="Name">The display name.</param>
/// <param name="Parent">The parent's index in the list, or -1 for the root.</param>
/// <param name="Depth">0 for the root, 1 for the top-level nodes, and so on.</param>
/// <param name="IsLeaf">Whether the node is a leaf indicator.</param>
/// <param name="MaxPoints">The nominal maximum points of the node.</param>
public sealed record ResultNode(string Id, string Code, LocalizedText Name, int Parent, int Depth, bool IsLeaf, double MaxPoints);
