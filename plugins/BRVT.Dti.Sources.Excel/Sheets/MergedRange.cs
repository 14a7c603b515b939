namespace BRVT.Dti.Sources.Excel.Sheets;

/// <summary>A rectangle of merged cells (<c>C5:D5</c>); only its top-left cell holds a value.</summary>
internal readonly record struct MergedRange(CellAddress First, CellAddress Last)
{
    public bool Contains(int row, int column) =>
        row >= First.Row && row <= Last.Row && column >= First.Column && column <= Last.Column;

    public bool IsSingleCell => First == Last;

    public static bool TryParse(string? text, out MergedRange range)
    {
        range = default;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return CellAddress.TryParse(text, out var single) && Set(single, single, out range);
        }

        return CellAddress.TryParse(text[..colon], out var first) && CellAddress.TryParse(text[(colon + 1)..], out var last) && Set(first, last, out range);
    }

    public override string ToString() => $"{First}:{Last}";

    private static bool Set(CellAddress a, CellAddress b, out MergedRange range)
    {
        range = new MergedRange(
            new CellAddress(Math.Min(a.Row, b.Row), Math.Min(a.Column, b.Column)),
            new CellAddress(Math.Max(a.Row, b.Row), Math.Max(a.Column, b.Column)));
        return true;
    }
}
