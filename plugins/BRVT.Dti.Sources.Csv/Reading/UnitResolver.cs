using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// Finds the unit a cell names among the units assessed: by id (trimmed, NFC, exact) or by Vietnamese name (trimmed,
/// NFC, ignoring case). ASCII cells are looked up without allocating; other cells are normalised once and remembered.
/// </summary>
/// <remarks>Not thread-safe (the cache of normalised cells).</remarks>
internal sealed class UnitResolver
{
    private const int Ambiguous = -2;
    private const int MaxCache = 100_000;
    private readonly IReadOnlyList<UnitInfo> units;
    private readonly UnitMatch match;
    private readonly Dictionary<string, int> keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> keyLookup;
    private readonly Dictionary<string, int> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> cacheLookup;
    private readonly Dictionary<string, int> idsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    public UnitResolver(IReadOnlyList<UnitInfo> units, UnitMatch match)
    {
        this.units = units;
        this.match = match;
        keys = new Dictionary<string, int>(match == UnitMatch.Id ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < units.Count; i++)
        {
            var key = TextKey.Normalize(match == UnitMatch.Id ? units[i].Id : units[i].Name.Vi);
            if (keys.TryGetValue(key, out var existing))
            {
                // Two units with one id: the first is used (the engine reports the duplicate unit). Two with one name: ambiguous.
                if (match == UnitMatch.Name && existing != i)
                {
                    keys[key] = Ambiguous;
                }
            }
            else
            {
                keys[key] = i;
            }

            idsIgnoringCase.TryAdd(TextKey.Normalize(units[i].Id), i);
        }

        keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        cacheLookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => units.Count;

    public UnitInfo this[int ordinal] => units[ordinal];

    /// <summary>The unit ordinal a cell names, or -1 with the reason.</summary>
    public int Resolve(ReadOnlySpan<char> cell, out string? problem)
    {
        problem = null;
        var text = cell.Trim();
        int ordinal;
        if (Ascii.IsValid(text))
        {
            if (!keyLookup.TryGetValue(text, out ordinal))
            {
                ordinal = -1;
            }
        }
        else if (!cacheLookup.TryGetValue(text, out ordinal))
        {
            if (!keys.TryGetValue(TextKey.Normalize(text), out ordinal))
            {
                ordinal = -1;
            }

            if (cache.Count < MaxCache)
            {
                cache[text.ToString()] = ordinal;
            }
        }

        if (ordinal >= 0)
        {
            return ordinal;
        }

        problem = Explain(cell, text, ordinal);
        return -1;
    }

    private string Explain(ReadOnlySpan<char> cell, ReadOnlySpan<char> text, int ordinal)
    {
        if (text.IsEmpty)
        {
            return $"the unit cell is empty: write the unit's {(match == UnitMatch.Id ? "id" : "name")}";
        }

        if (ordinal == Ambiguous)
        {
            var name = TextKey.Normalize(text);
            var ids = units.Where(u => string.Equals(TextKey.Normalize(u.Name.Vi), name, StringComparison.OrdinalIgnoreCase)).Select(u => u.Id);
            return $"the unit name {TextKey.Show(cell)} is shared by several units ({string.Join(", ", ids)}): write unit ids instead (\"unitMatch\": \"id\")";
        }

        var hint = string.Empty;
        if (match == UnitMatch.Id && idsIgnoringCase.TryGetValue(TextKey.Normalize(text), out var near))
        {
            hint = $" (did you mean '{units[near].Id}'? ids are compared exactly)";
        }
        else if (match == UnitMatch.Name && idsIgnoringCase.TryGetValue(TextKey.Normalize(text), out near))
        {
            hint = $" (it is the id of '{units[near].Name.Vi}': set \"unitMatch\": \"id\" if the column holds ids)";
        }

        return $"unknown unit {TextKey.Show(cell)}{hint}: it is not among the {units.Count} units assessed. Correct the unit {(match == UnitMatch.Id ? "id" : "name")}, or add the unit to the unit list";
    }
}
