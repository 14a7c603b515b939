using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Headers;

namespace BRVT.Dti.Sources.Excel.Reading;

/// <summary>
/// Finds the unit a workbook names: by id first (exact, trimmed), then by the unit's Vietnamese name compared as headers
/// are (NFC, case and spacing ignored), when exactly one unit has that name. Sheet names are often a unit's name.
/// </summary>
internal sealed class UnitResolver
{
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> names = new(StringComparer.Ordinal);

    public UnitResolver(IEnumerable<UnitInfo> units)
    {
        foreach (var unit in units)
        {
            ids.Add(unit.Id);
            var key = HeaderText.Normalize(unit.Name.Vi);
            if (key.Length > 0)
            {
                // Two units with one name: the name identifies neither.
                names[key] = names.ContainsKey(key) ? null : unit.Id;
            }
        }
    }

    public string? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (ids.Contains(trimmed))
        {
            return trimmed;
        }

        return names.TryGetValue(HeaderText.Normalize(trimmed), out var id) ? id : null;
    }

    public bool IsAmbiguousName(string text) =>
        names.TryGetValue(HeaderText.Normalize(text), out var id) && id is null;
}
