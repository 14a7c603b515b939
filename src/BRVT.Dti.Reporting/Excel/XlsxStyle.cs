namespace BRVT.Dti.Reporting.Excel;

/// <summary>The cell styles of the workbook; the values are indices in its cell formats.</summary>
internal enum XlsxStyle : uint
{
    /// <summary>Plain text.</summary>
    Text = 0,

    /// <summary>A column header: bold white on dark blue, wrapped.</summary>
    Header = 1,

    /// <summary>A share at the published decimals.</summary>
    Ratio = 2,

    /// <summary>Points at two decimals.</summary>
    Points = 3,

    /// <summary>An integer such as a rank.</summary>
    Integer = 4,

    /// <summary>A share change with an explicit sign.</summary>
    SignedRatio = 5,

    /// <summary>A note in italics.</summary>
    Note = 6,

    /// <summary>A value with up to four decimals (observations).</summary>
    Value = 7,

    /// <summary>A signed integer such as a rank change.</summary>
    SignedInteger = 8,
}
