using System.Globalization;
using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Headers;

/// <summary>
/// Finds a table's header row: the first row, among the first rows of a sheet, in which every configured header name
/// is found. A merged header cell gives its text to every column it spans; a two-row header is read as the upper and
/// the lower text joined by a space ("Điểm" over "Tự chấm" reads "Điểm Tự chấm"), and the lower text alone also matches.
/// </summary>
internal static class HeaderLocator
{
    /// <summary>Finds the header; on failure returns <see langword="null"/> and says why.</summary>
    public static HeaderMatch? Find(SheetGrid grid, IReadOnlyList<string> names, int searchRows, out string problem)
    {
        problem = string.Empty;
        var wanted = names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Key: HeaderText.Normalize(n))).ToArray();
        var lastRow = Math.Min(searchRows, grid.Rows.Count == 0 ? 0 : grid.Rows[^1]);
        var bestRow = 0;
        var bestMissing = wanted.Select(w => w.Name).ToList();
        for (var row = 1; row <= lastRow; row++)
        {
            var single = new string[grid.MaxColumn + 1];
            var joined = new string[grid.MaxColumn + 1];
            for (var column = 1; column <= grid.MaxColumn; column++)
            {
                (single[column], joined[column]) = Texts(grid, row, column);
            }

            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var (name, key) in wanted)
            {
                var full = Columns(joined, key);
                var lower = Columns(single, key);
                var columns = full.Count > 0 ? full : lower;
                if (columns.Count == 0)
                {
                    missing.Add(name);
                    continue;
                }

                if (columns.Count > 1)
                {
                    problem = $"the header '{name}' appears in columns {string.Join(", ", columns.Select(CellAddress.ColumnName))} of row {row.ToString(CultureInfo.InvariantCulture)}; rename one of them or configure a more specific header";
                    return null;
                }

                found[name] = columns[0];
            }

            if (missing.Count == 0)
            {
                var shared = found.GroupBy(f => f.Value).FirstOrDefault(g => g.Count() > 1);
                if (shared is not null)
                {
                    problem = $"the headers {string.Join(" and ", shared.Select(s => $"'{s.Key}'"))} both name column {CellAddress.ColumnName(shared.Key)}; each setting needs its own column";
                    return null;
                }

                return new HeaderMatch(row, found);
            }

            if (missing.Count < bestMissing.Count)
            {
                bestRow = row;
                bestMissing = missing;
            }
        }

        var sought = string.Join(", ", wanted.Select(w => $"'{w.Name}'"));
        problem = bestRow == 0
            ? $"no header row with {sought} in its first {searchRows.ToString(CultureInfo.InvariantCulture)} rows (setting \"headerSearchRows\"); check the header names (case, spaces and accents are ignored) or the sheet"
            : $"no header row with {sought} in its first {searchRows.ToString(CultureInfo.InvariantCulture)} rows; row {bestRow.ToString(CultureInfo.InvariantCulture)} comes closest but lacks {string.Join(", ", bestMissing.Select(m => $"'{m}'"))}";
        return null;
    }

    private static List<int> Columns(string[] texts, string key)
    {
        var columns = new List<int>();
        for (var column = 1; column < texts.Length; column++)
        {
            if (key.Length > 0 && string.Equals(texts[column], key, StringComparison.Ordinal))
            {
                columns.Add(column);
            }
        }

        return columns;
    }

    private static (string Single, string Joined) Texts(SheetGrid grid, int row, int column)
    {
        var lower = HeaderText.Normalize(grid.Visible(row, column).AsText());
        if (row == 1)
        {
            return (lower, lower);
        }

        var upper = HeaderText.Normalize(grid.Visible(row - 1, column).AsText());
        var merge = grid.MergeAt(row, column);
        if (upper.Length == 0 || (merge is { } m && m.Contains(row - 1, column)))
        {
            // A cell merged down over both rows is one header, not two.
            return (lower, lower);
        }

        return (lower, lower.Length == 0 ? upper : $"{upper} {lower}");
    }
}
