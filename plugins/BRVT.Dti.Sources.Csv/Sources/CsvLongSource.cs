using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Reading;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Sources;

/// <summary>A <c>csv-long</c> source: one row per unit, period, measure and value (and optionally stage).</summary>
/// <remarks>Thread-safe: each read opens the file anew.</remarks>
internal sealed class CsvLongSource(LongSettings settings) : IDataSource
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
            var measureColumn = table.Require(file.Columns["measure"], "measure", file.ColumnPointer("measure"));
            var valueColumn = table.Require(file.Columns["value"], "value", file.ColumnPointer("value"));
            var periodColumn = file.Columns.TryGetValue("period", out var p) ? table.Require(p, "period", file.ColumnPointer("period")) : -1;
            var stageColumn = file.Columns.TryGetValue("stage", out var s) ? table.Require(s, "stage", file.ColumnPointer("stage")) : -1;
            using var ledger = new ReadLedger(file, request.Mode);
            var reader = new RowReader(file, request, ledger);
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!RowChecks.Usable(table, ledger)
                    || !reader.InPeriod(table, periodColumn)
                    || !reader.Measure(table, measureColumn, out var measure)
                    || !reader.Unit(table, unitColumn, out var unit)
                    || !reader.Stage(table, stageColumn, out var stage)
                    || !reader.Value(table, valueColumn, null, out var value))
                {
                    continue;
                }

                reader.Add(table, unit, measure, stage, value, null);
            }

            return new SourceReadResult(reader.Observations, ledger.Complete());
        }
    }
}
