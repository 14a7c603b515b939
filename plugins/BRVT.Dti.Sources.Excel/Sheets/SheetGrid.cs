namespace BRVT.Dti.Sources.Excel.Sheets;

/// <summary>
/// One worksheet held in memory as its non-empty cells and merged ranges. A self-assessment form is small; the
/// workbook's size is capped before it is parsed, and only one sheet is held at a time.
/// </summary>
internal sealed class SheetGrid
{
    private const int IndexedMergeHeight = 1024;

    private readonly Dictionary<long, CellContent> cells;
    private readonly Dictionary<int, List<MergedRange>> mergesByRow = [];
    private readonly List<MergedRange> tallMerges = [];

    public SheetGrid(string name, Dictionary<long, CellContent> cells, IReadOnlyList<int> rows, IReadOnlyList<MergedRange> merges)
    {
        Name = name;
        this.cells = cells;
        Rows = rows;
        Merges = merges;
        foreach (var merge in merges)
        {
            if (merge.Last.Row - merge.First.Row >= IndexedMergeHeight)
            {
                tallMerges.Add(merge);
                continue;
            }

            for (var row = merge.First.Row; row <= merge.Last.Row; row++)
            {
                if (!mergesByRow.TryGetValue(row, out var list))
                {
                    mergesByRow[row] = list = [];
                }

                list.Add(merge);
            }
        }

        MaxColumn = cells.Count == 0 ? 0 : cells.Keys.Max(k => (int)(k & 0xFFFFF));
        foreach (var merge in merges)
        {
            MaxColumn = Math.Max(MaxColumn, Math.Min(merge.Last.Column, CellAddress.MaxColumn));
        }
    }

    /// <summary>The sheet's name as the workbook writes it.</summary>
    public string Name { get; }

    /// <summary>The numbers of the rows that hold at least one non-empty cell, ascending.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>The merged ranges.</summary>
    public IReadOnlyList<MergedRange> Merges { get; }

    /// <summary>The rightmost column that holds a cell or a merged range.</summary>
    public int MaxColumn { get; }

    public bool IsEmpty => cells.Count == 0;

    public static long Key(int row, int column) => ((long)row << 20) | (uint)column;

    /// <summary>The cell as stored (a cell covered by a merge but not its top-left is empty).</summary>
    public CellContent this[int row, int column] => cells.TryGetValue(Key(row, column), out var content) ? content : CellContent.Empty;

    public CellContent this[CellAddress address] => this[address.Row, address.Column];

    /// <summary>The merged range that covers a cell, if any.</summary>
    public MergedRange? MergeAt(int row, int column)
    {
        if (mergesByRow.TryGetValue(row, out var list))
        {
            foreach (var merge in list)
            {
                if (merge.Contains(row, column))
                {
                    return merge;
                }
            }
        }

        foreach (var merge in tallMerges)
        {
            if (merge.Contains(row, column))
            {
                return merge;
            }
        }

        return null;
    }

    /// <summary>The cell's value as it is seen: a cell covered by a merged range shows the range's top-left value.</summary>
    public CellContent Visible(int row, int column) =>
        MergeAt(row, column) is { } merge ? this[merge.First] : this[row, column];
}
