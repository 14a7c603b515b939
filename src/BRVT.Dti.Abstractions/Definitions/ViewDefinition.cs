namespace BRVT.Dti.Definitions;

/// <summary>
/// A view over shared nodes, such as a pillar of the DTI: its value is the sum of its nodes' points over the sum
/// of their maxima. Views may overlap (the DTI's three pillars all include main indicators 1–5).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ViewDefinition
{
    /// <summary>The stable identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The display code; defaults to the identifier.</summary>
    public string? Code { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The identifiers of the nodes the view adds up; a node may belong to several views.</summary>
    public required IReadOnlyList<string> Nodes { get; init; }
}
