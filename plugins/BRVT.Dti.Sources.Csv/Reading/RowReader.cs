using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// Reads the keys and values of long and wide rows, rejecting through the ledger whatever cannot be used, and keeps
/// the accepted observations with their provenance. A second value for the same unit, measure, period and stage is
/// rejected as a duplicate (the first is kept).
/// </summary>
/// <remarks>Not thread-safe: one per read.</remarks>
internal sealed class RowReader
{
    private readonly CsvFileSettings file;
    private readonly SourceReadRequest request;
    private readonly ReadLedger ledger;
    private readonly UnitResolver units;
    private readonly PeriodMatcher period;
    private readonly Dictionary<(int Unit, int Measure, string? Stage), long> firstLines = [];
    private readonly string? fixedPeriodReason;

    public RowReader(CsvFileSettings file, SourceReadRequest request, ReadLedger ledger)
    {
        this.file = file;
        this.request = request;
        this.ledger = ledger;
        units = new UnitResolver(request.Units, file.UnitMatch);
        Measures = new MeasureResolver(request.Measures);
        period = new PeriodMatcher(request.Period, null);
        if (file.FixedPeriod is not null && !string.Equals(file.FixedPeriod, period.Requested, StringComparison.OrdinalIgnoreCase))
        {
            fixedPeriodReason = period.OtherPeriod($"'{file.FixedPeriod}' (the source's \"period\")");
        }
    }

    public MeasureResolver Measures { get; }

    public List<Observation> Observations { get; } = [];

    public bool InPeriod(CsvTable table, int periodColumn)
    {
        if (periodColumn < 0)
        {
            if (fixedPeriodReason is null)
            {
                return true;
            }

            ledger.Reject(table.Line, fixedPeriodReason, error: false, table.RawText());
            return false;
        }

        if (period.MatchesPeriod(table.Field(periodColumn), out var reason, out var error))
        {
            return true;
        }

        ledger.Reject(table.Line, reason!, error, table.RawText());
        return false;
    }

    public bool Measure(CsvTable table, int measureColumn, out int measure)
    {
        measure = Measures.Resolve(table.Field(measureColumn), out var problem, out var error);
        if (measure >= 0)
        {
            return true;
        }

        ledger.Reject(table.Line, problem!, error, table.RawText());
        return false;
    }

    public bool Unit(CsvTable table, int unitColumn, out int unit)
    {
        unit = units.Resolve(table.Field(unitColumn), out var problem);
        if (unit >= 0)
        {
            return true;
        }

        ledger.Reject(table.Line, problem!, error: true, table.RawText());
        return false;
    }

    public bool Stage(CsvTable table, int stageColumn, out string? stage)
    {
        stage = file.Stage;
        if (stageColumn < 0)
        {
            return true;
        }

        var cell = table.Field(stageColumn);
        if (cell.Trim().IsEmpty)
        {
            return true;
        }

        stage = Stages.Parse(cell);
        if (stage is not null)
        {
            return true;
        }

        ledger.Reject(table.Line,
            $"unknown stage {TextKey.Show(cell)}: write {Stages.SelfAssessed} (tự đánh giá) or {Stages.Verified} (thẩm định), or leave the cell empty",
            error: true,
            table.RawText());
        return false;
    }

    /// <summary>Parses a value cell; <paramref name="column"/> names the column in the reason (wide files).</summary>
    public bool Value(CsvTable table, int valueColumn, string? column, out double value)
    {
        if (CsvValues.TryParse(table.Field(valueColumn), file.DecimalComma, out value, out var problem))
        {
            return true;
        }

        ledger.Reject(table.Line, column is null ? problem! : $"column {TextKey.Show(column)}: {problem}", error: true, table.RawText());
        return false;
    }

    /// <summary>Accepts a value unless it duplicates an earlier one.</summary>
    public void Add(CsvTable table, int unit, int measure, string? stage, double value, string? column)
    {
        var line = table.Line;
        if (firstLines.TryGetValue((unit, measure, stage), out var first))
        {
            var where = column is null ? string.Empty : $"column {TextKey.Show(column)}: ";
            ledger.Reject(line,
                $"{where}duplicate: unit '{units[unit].Id}' already has a value of '{Measures[measure].Id}' for {request.Period}{(stage is null ? string.Empty : $" ({stage})")} on line {first.ToString(CultureInfo.InvariantCulture)}; the first was kept. Remove one of the two",
                error: true,
                table.RawText());
            return;
        }

        firstLines[(unit, measure, stage)] = line;
        ledger.Accept();
        Observations.Add(new Observation(units[unit].Id, Measures[measure].Id, request.Period, value, new Provenance(file.SourceName, ledger.Location(line), stage)));
    }
}
