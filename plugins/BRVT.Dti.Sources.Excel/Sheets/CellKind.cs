namespace BRVT.Dti.Sources.Excel.Sheets;

/// <summary>What a cell holds, as the workbook stores it.</summary>
internal enum CellKind : byte
{
    /// <summary>No cell, or a cell without a value.</summary>
    Empty,

    /// <summary>A number (dates and percentages are numbers too).</summary>
    Number,

    /// <summary>Text.</summary>
    Text,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,

    /// <summary>A formula error such as <c>#DIV/0!</c>; the text holds it.</summary>
    Error,

    /// <summary>A formula whose result the file does not store (it was never calculated).</summary>
    Uncalculated,

    /// <summary>Text longer than the configured cap; only its length is kept.</summary>
    TooLong,

    /// <summary>A value the file stores in a form this reader does not understand; the text holds it.</summary>
    Unreadable,
}
