using BRVT.Dti.Data;

namespace BRVT.Dti.Results;

/// <summary>The result of one unit: its score on every node and view, its rank in its group and its band.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record UnitResult
{
    /// <summary>The unit.</summary>
    public required UnitInfo Unit { get; init; }

    /// <summary>The scores, one per <see cref="AssessmentResult.Nodes"/> entry, in the same order (index 0 is the total).</summary>
    public required IReadOnlyList<NodeScore> Nodes { get; init; }

    /// <summary>The view scores, one per <see cref="AssessmentResult.Views"/> entry, in the same order.</summary>
    public required IReadOnlyList<NodeScore> Views { get; init; }

    /// <summary>The total score (the root node).</summary>
    public NodeScore Total => Nodes[0];

    /// <summary>The competition rank in the unit's group, or <see langword="null"/> when the group is not ranked or the unit has no value.</summary>
    public int? Rank { get; init; }

    /// <summary>The competition rank among the units of the same group with the same parent, when the group asks for it.</summary>
    public int? RankWithinParent { get; init; }

    /// <summary>The identifier of the unit's band, or <see langword="null"/> when no band applies.</summary>
    public string? Band { get; init; }
}
