using BRVT.Dti.Sources.Excel.Headers;
using BRVT.Dti.Sources.Excel.Packages;
using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Layouts;

/// <summary>
/// Each worksheet is one unit's self-assessment form: the unit is the sheet's name or a cell, and a table lists one
/// measure per row with its self-assessed and verified values. Empty sheets and <c>skipSheets</c> are passed over;
/// rows without a value, and heading rows (no known measure id, or a row merged across), are not data.
/// </summary>
internal static class SheetPerUnitLayout
{
    public static IEnumerable<CellRecord> Read(WorkbookPackage package, LayoutContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var measureHeader = settings.MeasureHeader!;
        string[] names = [measureHeader, .. context.Stages.Select(s => s.Header!)];
        var sheets = package.SheetNames.Where(s => !settings.SkipSheets.Contains(s, StringComparer.Ordinal)).ToList();
        foreach (var skipped in settings.SkipSheets.Where(s => !package.SheetNames.Contains(s, StringComparer.Ordinal)))
        {
            throw context.Failure($"\"skipSheets\" names the sheet '{skipped}', which the workbook does not have (sheets: {string.Join(", ", package.SheetNames.Select(n => $"'{n}'"))}). Correct the name.");
        }

        foreach (var sheet in sheets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grid = package.LoadSheet(sheet, cancellationToken);
            if (grid.IsEmpty)
            {
                continue;
            }

            var header = HeaderLocator.Find(grid, names, settings.HeaderSearchRows, out var problem)
                ?? throw context.Failure($"sheet '{sheet}': {problem}. Each unit's sheet needs the table's header; list sheets that are not forms in \"skipSheets\".");
            var sheetRef = CellLocation.SheetReference(sheet);
            string? unit;
            string unitSource;
            if (settings.UnitCell is { } unitCell)
            {
                unit = grid.Visible(unitCell.Row, unitCell.Column).AsText();
                unitSource = $"cell {sheetRef}!{unitCell}";
            }
            else
            {
                unit = sheet.Trim();
                unitSource = "the sheet's name";
            }

            var period = settings.Period ?? (settings.PeriodCell is { } periodCell ? grid.Visible(periodCell.Row, periodCell.Column).AsText() : null);
            var measureColumn = header.Columns[measureHeader];
            var stages = context.Stages.Select(s => (s.Stage, Column: header.Columns[s.Header!])).ToArray();
            foreach (var row in grid.Rows)
            {
                if (row <= header.Row + settings.SkipRowsAfterHeader)
                {
                    continue;
                }

                var measureMerge = grid.MergeAt(row, measureColumn);
                var measureText = grid.Visible(row, measureColumn).AsText().Trim();
                var known = context.Ledger.IsReadable(measureText);
                var anyValue = false;
                var allInMeasureMerge = true;
                foreach (var (_, column) in stages)
                {
                    if (!grid.Visible(row, column).IsEmpty)
                    {
                        anyValue = true;
                        allInMeasureMerge &= measureMerge is { } m && m.Contains(row, column);
                    }
                }

                if (!anyValue ? !known : allInMeasureMerge)
                {
                    // A blank row, a heading or note without values, or a heading merged across the value columns.
                    continue;
                }

                foreach (var (stage, column) in stages)
                {
                    var merge = grid.MergeAt(row, column);
                    var content = grid[row, column];
                    if (!known && content.IsEmpty && merge is null)
                    {
                        continue;
                    }

                    string? cellProblem = null;
                    if (measureMerge is { } mm && mm.First.Row != mm.Last.Row)
                    {
                        cellProblem = $"the measure id cell {new CellAddress(row, measureColumn)} is part of the merged range {mm}, which spans several rows; unmerge it and write the measure id on each row";
                    }
                    else if (merge is { } vm)
                    {
                        cellProblem = $"the cell is part of the merged range {vm}; unmerge it and give each stage its own value";
                    }
                    else if (measureText.Length == 0)
                    {
                        cellProblem = $"there is a value but no measure id in column {CellAddress.ColumnName(measureColumn)}; write the measure id";
                    }

                    yield return new CellRecord(CellLocation.Of(settings.DisplayPath, sheet, row, column), stage, unit, unitSource, measureText, period, content, cellProblem);
                }
            }
        }
    }
}
