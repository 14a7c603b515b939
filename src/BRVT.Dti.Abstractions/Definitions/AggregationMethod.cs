using System.Text.Json.Serialization;

namespace BRVT.Dti.Definitions;

/// <summary>How a node combines the results of its children.</summary>
public enum AggregationMethod
{
    /// <summary>Points are added up; each child's maximum is part of the parent's maximum (the official DTI style).</summary>
    [JsonStringEnumMemberName("sum")]
    Sum,

    /// <summary>The parent's share of its maximum is the weighted arithmetic mean of the children's shares.</summary>
    [JsonStringEnumMemberName("mean")]
    WeightedMean,

    /// <summary>The parent's share is the weighted geometric mean of the children's shares (no full compensation).</summary>
    [JsonStringEnumMemberName("geometric")]
    WeightedGeometricMean,
}
