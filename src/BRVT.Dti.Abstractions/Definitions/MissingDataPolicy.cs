using System.Text.Json.Serialization;

namespace BRVT.Dti.Definitions;

/// <summary>What a missing observation does to a score. Every missing value is flagged in the results, whatever the policy.</summary>
public enum MissingDataPolicy
{
    /// <summary>The leaf scores zero points (the official style: no evidence, no points).</summary>
    [JsonStringEnumMemberName("zero")]
    Zero,

    /// <summary>The leaf is left out and its parent is re-weighted over the leaves that have data.</summary>
    [JsonStringEnumMemberName("exclude")]
    Exclude,

    /// <summary>The node, and every node above it, has no value; the unit is reported but not ranked.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}
