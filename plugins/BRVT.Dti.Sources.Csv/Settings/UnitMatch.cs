namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>What the unit column holds: the unit ids, or the units' Vietnamese names.</summary>
internal enum UnitMatch
{
    /// <summary>Unit ids (trimmed, NFC, compared exactly).</summary>
    Id,

    /// <summary>Unit names (trimmed, NFC, compared ignoring case) matched against <c>UnitInfo.Name.Vi</c>.</summary>
    Name,
}
