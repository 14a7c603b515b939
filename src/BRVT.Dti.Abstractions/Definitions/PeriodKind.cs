using System.Text.Json.Serialization;

namespace BRVT.Dti.Definitions;

/// <summary>The length of the assessment period an index is evaluated over.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year, written <c>2023</c>.</summary>
    [JsonStringEnumMemberName("year")]
    Year,

    /// <summary>A quarter, written <c>2023-Q2</c>.</summary>
    [JsonStringEnumMemberName("quarter")]
    Quarter,

    /// <summary>A month, written <c>2023-07</c>.</summary>
    [JsonStringEnumMemberName("month")]
    Month,
}
