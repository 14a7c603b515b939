using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>Finds the measure a cell or a column names among the measures the definition reads (ids compared exactly).</summary>
internal sealed class MeasureResolver
{
    private readonly IReadOnlyList<MeasureDefinition> measures;
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Dictionary<string, int> idsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    public MeasureResolver(IReadOnlyList<MeasureDefinition> measures)
    {
        this.measures = measures;
        for (var i = 0; i < measures.Count; i++)
        {
            ids.TryAdd(measures[i].Id, i);
            idsIgnoringCase.TryAdd(measures[i].Id, i);
        }

        lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => measures.Count;

    public MeasureDefinition this[int ordinal] => measures[ordinal];

    /// <summary>The measure ordinal, or -1 with the reason and whether it is an error (a near miss) rather than a measure not wanted.</summary>
    public int Resolve(ReadOnlySpan<char> cell, out string? problem, out bool error)
    {
        var text = cell.Trim();
        if (lookup.TryGetValue(text, out var ordinal))
        {
            problem = null;
            error = false;
            return ordinal;
        }

        if (text.IsEmpty)
        {
            problem = "the measure cell is empty: write the measure's id";
            error = true;
            return -1;
        }

        if (idsIgnoringCase.TryGetValue(TextKey.Normalize(text), out var near))
        {
            problem = $"measure {TextKey.Show(cell)} is written with other letter case than the definition's id '{measures[near].Id}': ids are compared exactly. Write '{measures[near].Id}'";
            error = true;
            return -1;
        }

        problem = $"measure {TextKey.Show(cell)} is not read by the definition assessed, so the value was not used (check the spelling if it should be)";
        error = false;
        return -1;
    }
}
