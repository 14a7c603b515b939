namespace BRVT.Dti.Reporting.Excel;

/// <summary>A worksheet being built: rows of cells, frozen header rows and columns, an optional auto-filter.</summary>
/// <param name="Name">The sheet name (at most 31 characters, none of <c>: \ / ? * [ ]</c>).</param>
internal sealed class XlsxSheet(string Name)
{
    public string Name { get; } = Name;

    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];

    /// <summary>Rows kept visible at the top when scrolling.</summary>
    public int FrozenRows { get; init; } = 1;

    /// <summary>Columns kept visible at the left when scrolling.</summary>
    public int FrozenColumns { get; init; }

    /// <summary>The 0-based row of the header the auto-filter applies to, or -1 for none.</summary>
    public int FilterRow { get; init; } = 0;

    public void Add(params IReadOnlyList<XlsxCell> cells) => Rows.Add(cells);

    public void Header(IEnumerable<string> titles) => Rows.Add([.. titles.Select(t => XlsxCell.Of(t, XlsxStyle.Header))]);
}
