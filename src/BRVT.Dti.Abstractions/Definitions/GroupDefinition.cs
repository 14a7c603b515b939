namespace BRVT.Dti.Definitions;

/// <summary>A group of units that are ranked against each other, such as departments that provide public services.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record GroupDefinition
{
    /// <summary>The stable identifier that units name in their <c>group</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Whether the group is ranked; an unranked group is assessed and banded but receives no ranks.</summary>
    public bool Ranked { get; init; } = true;

    /// <summary>Whether units are also ranked among the units of the same group that share their parent (communes within a district).</summary>
    public bool RankWithinParent { get; init; }
}
