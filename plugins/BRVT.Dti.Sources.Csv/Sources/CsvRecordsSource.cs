using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Csv.Parsing;
using BRVT.Dti.Sources.Csv.Reading;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Sources;

/// <summary>
/// A <c>csv-records</c> source: raw records (e.g. one row per dossier) aggregated, in one streaming pass, into the
/// measures whose derivation names the source's record set, grouped by unit. Memory holds one accumulator per unit and
/// measure, one row's values, and the rejected rows (and the record ids when an id column is mapped).
/// </summary>
/// <remarks>Thread-safe: each read opens the file anew.</remarks>
internal sealed class CsvRecordsSource(RecordsSettings settings) : IDataSource
{
    public string Name => settings.File.SourceName;

    public async ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = settings.File;
        MeasureDefinition[] measures = [.. request.Measures.Where(m => m.Derivation is { } d && string.Equals(d.Records, settings.RecordSet, StringComparison.Ordinal))];
        if (measures.Length == 0)
        {
            // The definition derives nothing from this record set: the file is not read.
            return new SourceReadResult([], new SourceAccount(file.SourceName, 0, 0, []));
        }

        var table = await CsvTable.OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            // The fast reader takes simple files (see FastRecordReader) and gives the same result; it declines the rest.
            if (FastRecordReader.Eligible(settings, table, request) &&
                FastRecordReader.TryRead(settings, table, request, () => NewState(table, measures, request), cancellationToken) is { } fast)
            {
                return fast;
            }

            var state = NewState(table, measures, request);
            var layout = state.Layout;
            using var ledger = new ReadLedger(file, request.Mode);
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Read(table, ledger, state);
            }

            return Result(request, state, ledger);
        }
    }

    /// <summary>A fresh layout and state for one read of the table.</summary>
    internal State NewState(CsvTable table, MeasureDefinition[] measures, SourceReadRequest request)
    {
        var layout = Layout.Create(table, settings, measures, request.Units.Count);
        return new State(layout, new UnitResolver(request.Units, settings.File.UnitMatch), new PeriodMatcher(request.Period, settings.DateFormats), request.Units.Count);
    }

    /// <summary>One observation per measure and unit, located at the unit's first and last records, and the account.</summary>
    internal static SourceReadResult Result(SourceReadRequest request, State state, ReadLedger ledger)
    {
        var layout = state.Layout;
        var file = ledger.File;
        var observations = new List<Observation>(layout.Aggregator.Measures.Count * request.Units.Count);
        for (var m = 0; m < layout.Aggregator.Measures.Count; m++)
        {
            var measure = layout.Aggregator.Measures[m];
            for (var u = 0; u < request.Units.Count; u++)
            {
                var location = state.Counts[u] switch
                {
                    0 => $"{file.DisplayPath} (no records)",
                    1 => $"{ledger.Location(state.FirstLines[u])} (1 record)",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{ledger.Location(state.FirstLines[u])}-{state.LastLines[u]} ({state.Counts[u]} records)"),
                };
                observations.Add(new Observation(request.Units[u].Id, measure.Id, request.Period, layout.Aggregator.Value(m, u), new Provenance(file.SourceName, location, file.Stage)));
            }
        }

        return new SourceReadResult(observations, ledger.Complete());
    }

    private void Read(CsvTable table, ReadLedger ledger, State state)
    {
        if (!RowChecks.Usable(table, ledger))
        {
            return;
        }

        var layout = state.Layout;
        string? reason;
        bool error;
        var inPeriod = layout.PeriodColumn >= 0 ? state.Period.MatchesPeriod(table.Field(layout.PeriodColumn), out reason, out error)
            : layout.DateColumn >= 0 ? state.Period.MatchesDate(table.Field(layout.DateColumn), settings.File.SourceName, out reason, out error)
            : state.FixedPeriodMatches(out reason, out error);
        if (!inPeriod)
        {
            ledger.Reject(table.Line, reason!, error, table.RawText());
            return;
        }

        var unit = state.Units.Resolve(table.Field(layout.UnitColumn), out var problem);
        if (unit < 0)
        {
            ledger.Reject(table.Line, problem!, error: true, table.RawText());
            return;
        }

        var values = state.Values;
        foreach (var column in layout.Required)
        {
            // The aggregator's fields are the file's columns, in the same positions.
            if (!CsvValues.TryParse(table.Field(column), settings.File.DecimalComma, out values[column], out problem))
            {
                ledger.Reject(table.Line, $"column {TextKey.Show(table.Columns[column])}: {problem}", error: true, table.RawText());
                return;
            }
        }

        if (layout.IdColumn >= 0)
        {
            var id = TextKey.Normalize(table.Field(layout.IdColumn));
            if (id.Length == 0)
            {
                ledger.Reject(table.Line, $"the record id (column {TextKey.Show(table.Columns[layout.IdColumn])}) is empty: give every record its id", error: true, table.RawText());
                return;
            }

            if (!state.Ids!.TryAdd(id, table.Line))
            {
                ledger.Reject(table.Line,
                    $"duplicate record: the id {TextKey.Show(id)} is already on line {state.Ids[id].ToString(CultureInfo.InvariantCulture)}; the first was kept. Remove the duplicate record",
                    error: true,
                    table.RawText());
                return;
            }
        }

        layout.Aggregator.Add(unit, values);
        ledger.Accept();
        if (state.Counts[unit]++ == 0)
        {
            state.FirstLines[unit] = table.Line;
        }

        state.LastLines[unit] = table.Line;
    }

    /// <summary>Where the columns are and what the aggregator reads.</summary>
    internal sealed record Layout(RecordAggregator Aggregator, int UnitColumn, int PeriodColumn, int DateColumn, int IdColumn, int[] Required, int FieldCount, string? FixedPeriod)
    {
        public static Layout Create(CsvTable table, RecordsSettings settings, MeasureDefinition[] measures, int unitCount)
        {
            var file = settings.File;
            var unitColumn = table.Require(file.Columns["unit"], "unit", file.ColumnPointer("unit"));
            var periodColumn = file.Columns.TryGetValue("period", out var p) ? table.Require(p, "period", file.ColumnPointer("period")) : -1;
            var dateColumn = file.Columns.TryGetValue("date", out var d) ? table.Require(d, "date", file.ColumnPointer("date")) : -1;
            var idColumn = file.Columns.TryGetValue("id", out var i) ? table.Require(i, "id", file.ColumnPointer("id")) : -1;

            // Each column is the field of its own name unless "fields" renames it.
            var names = table.Columns.ToArray();
            foreach (var (column, field) in settings.Fields)
            {
                var index = table.Require(column, $"field '{field}'", $"{file.Pointer}/fields/{SettingsReader.EscapePointer(column)}");
                names[index] = field;
            }

            RecordAggregator aggregator;
            try
            {
                aggregator = new RecordAggregator(settings.RecordSet, measures, names, unitCount);
            }
            catch (ArgumentException exception)
            {
                throw new DataSourceConfigurationException(file.ConfigurationFile, $"{file.Pointer}/fields",
                    $"{file.DisplayPath}: {exception.Message} Columns found: {table.ColumnList()} (delimiter {table.DelimiterName}). Map a column to the field in \"fields\" ({{ \"column\": \"field\" }}).");
            }

            var required = new List<int>();
            foreach (var field in aggregator.RequiredFields)
            {
                var indices = Enumerable.Range(0, names.Length).Where(n => string.Equals(names[n], field, StringComparison.Ordinal)).ToArray();
                if (indices.Length > 1)
                {
                    throw new DataSourceConfigurationException(file.ConfigurationFile, $"{file.Pointer}/fields",
                        $"{file.DisplayPath}: the field '{field}' is given by several columns ({string.Join(", ", indices.Select(n => TextKey.Show(table.Columns[n])))}). Rename one of them, or map another column to it in \"fields\".");
                }

                required.Add(indices[0]);
            }

            return new Layout(aggregator, unitColumn, periodColumn, dateColumn, idColumn, [.. required], names.Length, file.FixedPeriod);
        }
    }

    /// <summary>What one read keeps: the resolvers, one row's values and the per-unit record counts and lines.</summary>
    internal sealed class State(Layout layout, UnitResolver units, PeriodMatcher period, int unitCount)
    {
        public Layout Layout { get; } = layout;

        public UnitResolver Units { get; } = units;

        public PeriodMatcher Period { get; } = period;

        public double[] Values { get; } = CreateValues(layout.FieldCount);

        public long[] Counts { get; } = new long[unitCount];

        public long[] FirstLines { get; } = new long[unitCount];

        public long[] LastLines { get; } = new long[unitCount];

        public Dictionary<string, long>? Ids { get; } = layout.IdColumn >= 0 ? new(StringComparer.Ordinal) : null;

        /// <summary>Why every row is of another period, when the source's fixed period is not the one assessed.</summary>
        private string? FixedPeriodReason { get; } =
            layout.FixedPeriod is null || string.Equals(layout.FixedPeriod, period.Requested, StringComparison.OrdinalIgnoreCase)
                ? null
                : period.OtherPeriod($"'{layout.FixedPeriod}' (the source's \"period\")");

        /// <summary>Whether the source's fixed period (if any) is the one assessed.</summary>
        public bool FixedPeriodIsAssessed => FixedPeriodReason is null;

        public bool FixedPeriodMatches(out string? reason, out bool error)
        {
            error = false;
            reason = FixedPeriodReason;
            return reason is null;
        }

        private static double[] CreateValues(int count)
        {
            var values = new double[count];
            Array.Fill(values, double.NaN);
            return values;
        }
    }
}
