using BRVT.Dti.Sources.Excel.Headers;
using BRVT.Dti.Sources.Excel.Packages;
using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Layouts;

/// <summary>
/// One sheet, one row per unit: a unit column and one column per measure, and optionally a second block of columns
/// with the verified values. Blank rows, and rows whose unit is unknown and that hold no value (group headings), are not data.
/// </summary>
internal static class RowPerUnitLayout
{
    public static IEnumerable<CellRecord> Read(WorkbookPackage package, LayoutContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var sheetNames = package.SheetNames;
        if (sheetNames.Count == 0)
        {
            throw context.Failure("the workbook has no worksheet.");
        }

        var sheet = settings.Sheet ?? sheetNames[0];
        if (!sheetNames.Contains(sheet, StringComparer.Ordinal))
        {
            throw context.Failure($"there is no sheet '{sheet}' (setting \"sheet\"); the workbook has {string.Join(", ", sheetNames.Select(n => $"'{n}'"))}.");
        }

        foreach (var stage in context.Stages)
        {
            foreach (var (measure, _) in stage.Measures)
            {
                if (context.Ledger.MeasureProblem(measure) is { } problem)
                {
                    throw context.Failure($"the setting \"{(stage.Stage == context.Settings.Stages[0].Stage ? "measures" : "verifiedColumns")}\" maps a column to '{measure}': {problem}.");
                }
            }
        }

        var grid = package.LoadSheet(sheet, cancellationToken);
        var unitHeader = settings.UnitColumn!;
        List<string> names = [unitHeader, .. context.Stages.SelectMany(s => s.Measures.Select(m => m.Value))];
        if (settings.PeriodColumn is { } periodHeader)
        {
            names.Add(periodHeader);
        }

        var header = HeaderLocator.Find(grid, names, settings.HeaderSearchRows, out var headerProblem)
            ?? throw context.Failure($"sheet '{sheet}': {headerProblem}.");
        var unitColumn = header.Columns[unitHeader];
        var periodColumn = settings.PeriodColumn is { } p ? header.Columns[p] : 0;
        var cells = context.Stages.SelectMany(s => s.Measures.Select(m => (s.Stage, Measure: m.Key, Column: header.Columns[m.Value]))).ToArray();
        var sheetPeriod = settings.Period ?? (settings.PeriodCell is { } periodCell ? grid.Visible(periodCell.Row, periodCell.Column).AsText() : null);
        foreach (var row in grid.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row <= header.Row + settings.SkipRowsAfterHeader)
            {
                continue;
            }

            var unitMerge = grid.MergeAt(row, unitColumn);
            var unitText = grid.Visible(row, unitColumn).AsText().Trim();
            var known = context.Ledger.Units.Resolve(unitText) is not null;
            var anyValue = false;
            var allInUnitMerge = true;
            foreach (var (_, _, column) in cells)
            {
                if (!grid.Visible(row, column).IsEmpty)
                {
                    anyValue = true;
                    allInUnitMerge &= unitMerge is { } m && m.Contains(row, column);
                }
            }

            if (!anyValue ? !known : allInUnitMerge)
            {
                continue;
            }

            var period = periodColumn > 0 ? grid.Visible(row, periodColumn).AsText() : sheetPeriod;
            var unitSource = $"column {CellAddress.ColumnName(unitColumn)}";
            foreach (var (stage, measure, column) in cells)
            {
                var merge = grid.MergeAt(row, column);
                var content = grid[row, column];
                if (!known && content.IsEmpty && merge is null)
                {
                    continue;
                }

                string? problem = null;
                if (unitMerge is { } um && um.First.Row != um.Last.Row)
                {
                    problem = $"the unit cell {new CellAddress(row, unitColumn)} is part of the merged range {um}, which spans several rows; unmerge it and write the unit id on each row";
                }
                else if (merge is { } vm)
                {
                    problem = $"the cell is part of the merged range {vm}; unmerge it so that each unit and measure has its own cell";
                }
                else if (unitText.Length == 0)
                {
                    problem = $"there is a value but no unit id in column {CellAddress.ColumnName(unitColumn)}; write the unit id";
                }

                yield return new CellRecord(CellLocation.Of(settings.DisplayPath, sheet, row, column), stage, unitText, unitSource, measure, period, content, problem);
            }
        }
    }
}
