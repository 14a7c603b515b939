using BRVT.Dti.Definitions;

namespace BRVT.Dti.Data;

/// <summary>
/// A unit that is assessed: an agency, a district, a commune, a province. Administrative levels are data:
/// <see cref="Kind"/> and <see cref="ParentId"/> say where a unit sits, and nothing in the library depends on a fixed set of levels.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record UnitInfo
{
    /// <summary>The stable identifier (e.g. a GSO code or a short name) that observations name.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The unit kind, e.g. <c>agency</c>, <c>district</c>, <c>commune</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The ranking group, one of the definition's groups; <see langword="null"/> when the definition declares none.</summary>
    public string? Group { get; init; }

    /// <summary>The parent unit (a commune's district), or <see langword="null"/>.</summary>
    public string? ParentId { get; init; }
}
