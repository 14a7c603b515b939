using System.Text.Json.Serialization;

namespace BRVT.Dti.Definitions;

/// <summary>
/// A node of an index tree: a group of indicators (with <see cref="Children"/>) or a leaf indicator (with a
/// <see cref="Rule"/>). Under a <see cref="AggregationMethod.Sum"/> parent a node carries <see cref="MaxPoints"/>;
/// under a mean parent it carries a <see cref="Weight"/> and its maximum follows from the parent's.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record NodeDefinition
{
    /// <summary>The stable identifier, unique in the definition; results and explanations use it.</summary>
    public required string Id { get; init; }

    /// <summary>The display code, e.g. <c>7.3</c>; defaults to the identifier.</summary>
    public string? Code { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The maximum points of the node (under a sum parent). Zero marks an indicator collected but not scored.</summary>
    public double? MaxPoints { get; init; }

    /// <summary>The weight of the node under a mean parent; defaults to 1.</summary>
    public double? Weight { get; init; }

    /// <summary>How the node combines its children; defaults to <see cref="AggregationMethod.Sum"/>.</summary>
    public AggregationMethod? Aggregation { get; init; }

    /// <summary>The unit groups or unit kinds the node applies to; empty means every unit.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>The child nodes; empty for a leaf.</summary>
    public IReadOnlyList<NodeDefinition> Children { get; init; } = [];

    /// <summary>The scoring rule of a leaf; <see langword="null"/> for a group node.</summary>
    public RuleDefinition? Rule { get; init; }

    /// <summary>The missing-data policy of this node and the nodes below it, overriding the definition's.</summary>
    public MissingDataPolicy? MissingData { get; init; }

    /// <summary>A longer description for authors and reports.</summary>
    public string? Description { get; init; }

    /// <summary>The evidence a unit provides for the leaf (tài liệu kiểm chứng).</summary>
    public string? Evidence { get; init; }

    /// <summary>The data source of the leaf (a system, a report, a self-assessment form).</summary>
    public string? DataSource { get; init; }

    /// <summary>The agency that verifies the leaf (đơn vị thẩm định).</summary>
    public string? VerifiedBy { get; init; }

    /// <summary>Whether the node is a leaf (it has a rule and no children).</summary>
    [JsonIgnore]
    public bool IsLeaf => Children.Count == 0;
}
