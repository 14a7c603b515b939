using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting.Model;

/// <summary>A ranking group as reports show it: its units ordered by rank, then by value, then by identifier.</summary>
/// <param name="Id">The group identifier, or <see langword="null"/> for the implicit group of a definition without groups.</param>
/// <param name="Name">The display name.</param>
/// <param name="Ranked">Whether the group is ranked.</param>
/// <param name="Units">The units in report order.</param>
internal sealed record ReportGroup(string? Id, string Name, bool Ranked, IReadOnlyList<UnitResult> Units)
{
    /// <summary>A short key usable in identifiers and sheet names.</summary>
    public string Key => Id ?? "all";
}
