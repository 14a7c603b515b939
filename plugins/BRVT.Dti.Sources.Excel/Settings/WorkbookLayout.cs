namespace BRVT.Dti.Sources.Excel.Settings;

/// <summary>How a workbook lays out its units.</summary>
internal enum WorkbookLayout
{
    /// <summary>Each sheet is one unit's form: a table of measure rows with a self-assessed and a verified column.</summary>
    SheetPerUnit,

    /// <summary>One sheet, one row per unit, one column per measure (and optionally a second block of verified columns).</summary>
    RowPerUnit,
}
