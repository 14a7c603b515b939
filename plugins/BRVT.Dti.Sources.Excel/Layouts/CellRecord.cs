using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Layouts;

/// <summary>One value cell a layout found, with what the layout knows about it; the ledger accepts or rejects it.</summary>
/// <param name="Location">Where it is: <c>file.xlsx Sheet!C7</c>.</param>
/// <param name="Stage">The stage of the value.</param>
/// <param name="Unit">The unit as written (an id or a name); <see langword="null"/> when there is none.</param>
/// <param name="UnitSource">Where the unit was read, for messages (<c>the sheet name</c>, <c>cell B2</c>).</param>
/// <param name="Measure">The measure id as written; <see langword="null"/> when there is none.</param>
/// <param name="Period">The period as written; <see langword="null"/> when there is none.</param>
/// <param name="Value">The cell's content.</param>
/// <param name="Problem">A reason to reject the cell that the layout already knows (a merged cell), or <see langword="null"/>.</param>
internal readonly record struct CellRecord(
    string Location,
    string Stage,
    string? Unit,
    string UnitSource,
    string? Measure,
    string? Period,
    CellContent Value,
    string? Problem);
