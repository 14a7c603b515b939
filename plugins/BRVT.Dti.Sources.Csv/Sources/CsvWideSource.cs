using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Reading;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Sources;

/// <summary>
/// A <c>csv-wide</c> source: one row per unit (and period), one column per measure. The account counts one item per
/// measure cell of a row whose keys are good, one per row rejected as a whole (its keys are bad, it is of another
/// period, it cannot be parsed), and one per column that is not read (the definition does not read its measure,
/// or it has no name), rejected at the header line.
/// </summary>
/// <remarks>Thread-safe: each read opens the file anew.</remarks>
internal sealed class CsvWideSource(WideSettings settings) : IDataSource
{
    public string Name => settings.File.SourceName;

    public async ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = settings.File;
        var table = await CsvTable.OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            var unitColumn = table.Require(file.Columns["unit"], "unit", file.ColumnPointer("unit"));
            var periodColumn = file.Columns.TryGetValue("period", out var p) ? table.Require(p, "period", file.ColumnPointer("period")) : -1;
            var stageColumn = file.Columns.TryGetValue("stage", out var s) ? table.Require(s, "stage", file.ColumnPointer("stage")) : -1;
            using var ledger = new ReadLedger(file, request.Mode);
            var reader = new RowReader(file, request, ledger);
            var cells = MeasureColumns(table, file, reader, ledger, [unitColumn, periodColumn, stageColumn]);
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!RowChecks.Usable(table, ledger)
                    || !reader.InPeriod(table, periodColumn)
                    || !reader.Unit(table, unitColumn, out var unit)
                    || !reader.Stage(table, stageColumn, out var stage))
                {
                    continue;
                }

                foreach (var (column, measure) in cells)
                {
                    if (reader.Value(table, column, table.Columns[column], out var value))
                    {
                        reader.Add(table, unit, measure, stage, value, table.Columns[column]);
                    }
                }
            }

            return new SourceReadResult(reader.Observations, ledger.Complete());
        }
    }

    private List<(int Column, int Measure)> MeasureColumns(CsvTable table, CsvFileSettings file, RowReader reader, ReadLedger ledger, int[] keyColumns)
    {
        var cells = new List<(int, int)>();
        var header = string.Join(table.Delimiter, table.Columns);
        if (settings.Measures is { } mapping)
        {
            foreach (var (column, measureId) in mapping)
            {
                var index = table.Require(column, $"measure '{measureId}'", $"{file.Pointer}/measures/{SettingsReader.EscapePointer(column)}");
                Add(index, measureId);
            }

            return cells;
        }

        for (var index = 0; index < table.Columns.Count; index++)
        {
            var name = table.Columns[index];
            if (keyColumns.Contains(index) || settings.IgnoreColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Length == 0)
            {
                ledger.Reject(1, $"column {(index + 1).ToString(CultureInfo.InvariantCulture)} has no name in the header, so its values were not read. Name it with a measure id, or remove the column (a delimiter at the end of the line makes an empty column)", error: false, header);
                continue;
            }

            Add(index, name);
        }

        return cells;

        void Add(int index, string measureId)
        {
            var measure = reader.Measures.Resolve(measureId, out var problem, out var error);
            if (measure >= 0)
            {
                cells.Add((index, measure));
            }
            else
            {
                ledger.Reject(1, $"column {TextKey.Show(table.Columns[index])}: {problem}; none of its values were read", error, header);
            }
        }
    }
}
