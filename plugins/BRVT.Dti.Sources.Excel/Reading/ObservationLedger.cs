using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Excel.Layouts;

namespace BRVT.Dti.Sources.Excel.Reading;

/// <summary>
/// Accepts or rejects every value cell a layout finds, so that nothing is lost: the unit must be in the request, the
/// measure one the definition reads from data, the period the one assessed, the value a number, and a (stage, unit,
/// measure) pair may appear once (the first is kept). Strict mode stops at the first rejection.
/// </summary>
/// <remarks>Not thread-safe; one per read.</remarks>
internal sealed class ObservationLedger
{
    private readonly string source;
    private readonly SourceReadRequest request;
    private readonly int maxTextLength;
    private readonly Dictionary<string, MeasureDefinition> measures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Stage, string Unit, string Measure), string> seen = [];
    private readonly List<RejectedRow> rejected = [];
    private readonly List<Observation> accepted = [];
    private long read;

    public ObservationLedger(string source, SourceReadRequest request, int maxTextLength)
    {
        this.source = source;
        this.request = request;
        this.maxTextLength = maxTextLength;
        Units = new UnitResolver(request.Units);
        foreach (var measure in request.Measures)
        {
            measures.TryAdd(measure.Id, measure);
        }
    }

    public UnitResolver Units { get; }

    /// <summary>The accepted observations, in reading order, all stages.</summary>
    public IReadOnlyList<Observation> Accepted => accepted;

    /// <summary>Whether a measure id is one this source may supply (declared, neither computed nor derived from records).</summary>
    public bool IsReadable(string? measure) =>
        measure is not null && measures.TryGetValue(measure.Trim(), out var definition) && definition.Formula is null && definition.Derivation is null;

    /// <summary>Why a measure cannot be read from the workbook, or <see langword="null"/> when it can.</summary>
    public string? MeasureProblem(string measure) =>
        !measures.TryGetValue(measure, out var definition)
            ? $"the measure '{measure}' is not declared by the index definition; correct the measure id"
            : definition.Formula is not null
                ? $"the measure '{measure}' is computed by the formula '{definition.Formula}', so it is not read from data; remove the value or drop the formula"
                : definition.Derivation is not null
                    ? $"the measure '{measure}' is aggregated from the records '{definition.Derivation.Records}', so it is not read as a value; remove the value or the derivation"
                    : null;

    public void Add(CellRecord record)
    {
        read++;
        if (record.Problem is { } problem)
        {
            Reject(record.Location, problem);
            return;
        }

        var unit = Units.Resolve(record.Unit);
        if (unit is null)
        {
            Reject(record.Location, string.IsNullOrWhiteSpace(record.Unit)
                ? $"there is no unit id ({record.UnitSource} is empty); write the unit's id there"
                : Units.IsAmbiguousName(record.Unit)
                    ? $"the unit '{record.Unit.Trim()}' ({record.UnitSource}) is the name of several units; use the unit's id"
                    : $"the unit '{record.Unit.Trim()}' ({record.UnitSource}) is not in the assessment's unit list; correct the id (or the name) or add the unit");
            return;
        }

        var measure = record.Measure?.Trim();
        if (string.IsNullOrEmpty(measure))
        {
            Reject(record.Location, "there is no measure id; write the measure id");
            return;
        }

        if (MeasureProblem(measure) is { } measureProblem)
        {
            Reject(record.Location, measureProblem);
            return;
        }

        var period = record.Period?.Trim();
        if (string.IsNullOrEmpty(period))
        {
            Reject(record.Location, "there is no period (the period cell or column is empty); write the period, e.g. 2023");
            return;
        }

        if (!string.Equals(period, request.Period, StringComparison.Ordinal))
        {
            Reject(record.Location, $"period {period} is not the period assessed ({request.Period})");
            return;
        }

        if (!CellValueParser.TryParse(record.Value, maxTextLength, out var value, out var reason))
        {
            Reject(record.Location, reason);
            return;
        }

        if (seen.TryGetValue((record.Stage, unit, measure), out var first))
        {
            Reject(record.Location, $"duplicate: unit '{unit}' already has a {record.Stage} value of '{measure}' for {period} at {first}, which was kept; remove one of them");
            return;
        }

        seen[(record.Stage, unit, measure)] = record.Location;
        accepted.Add(new Observation(unit, measure, period, value, new Provenance(source, record.Location, record.Stage)));
    }

    public SourceAccount Account() => new(source, read, accepted.Count, [.. rejected]);

    private void Reject(string location, string reason)
    {
        if (request.Mode == RejectionMode.Strict)
        {
            throw new DataSourceException(source, $"{location}: {reason}. (Strict mode stops at the first bad cell; {read.ToString(CultureInfo.InvariantCulture)} cells read so far.)", null);
        }

        rejected.Add(new RejectedRow(location, reason));
    }
}
