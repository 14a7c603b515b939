using System.Globalization;

namespace BRVT.Dti.Sources.Excel.Sheets;

/// <summary>The content of one cell: its kind, and its number or text.</summary>
internal readonly record struct CellContent(CellKind Kind, double Number, string? Text)
{
    public static CellContent Empty => default;

    public bool IsEmpty => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The cell as text (a number in invariant culture, shortest round-trip form), for ids, periods and headers.</summary>
    public string AsText() => Kind switch
    {
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        CellKind.Text or CellKind.Error or CellKind.Unreadable => Text ?? string.Empty,
        _ => string.Empty,
    };
}
