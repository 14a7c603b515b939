using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Http.Json;
using BRVT.Dti.Sources.Http.Settings;

namespace BRVT.Dti.Sources.Http.Reading;

/// <summary>
/// Accepts or rejects every row an answer's items give, so that nothing is lost: one row per item (one value per item,
/// or one raw record), or one row per item and mapped measure (wide items). The unit must be in the request, the
/// measure one the definition reads from data, the period the one assessed, the value a number, and a (unit, measure,
/// period) may appear once (the first is kept). Locations are the page's URL and the JSON pointer of the item (or of
/// the value, for wide items): <c>https://…?page=2#/data/items/3</c>. Strict mode stops at the first rejection.
/// </summary>
/// <remarks>Not thread-safe; one per read.</remarks>
internal sealed class ItemLedger
{
    private readonly string source;
    private readonly HttpSourceSettings settings;
    private readonly SourceReadRequest request;
    private readonly Dictionary<string, int> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MeasureDefinition> measures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Unit, string Measure), string> seen = [];
    private readonly List<RejectedRow> rejected = [];
    private readonly List<Observation> accepted = [];
    private readonly RecordAggregator? aggregator;
    private readonly (int Field, JsonPath Path)[] recordFields = [];
    private readonly double[] recordValues = [];
    private readonly long[] recordCounts = [];
    private long read;

    /// <summary>Creates a ledger; checks the mapping against the definition before anything is fetched.</summary>
    /// <exception cref="DataSourceException">A mapped measure cannot be read, or no measure derives from the records.</exception>
    public ItemLedger(string source, HttpSourceSettings settings, SourceReadRequest request)
    {
        this.source = source;
        this.settings = settings;
        this.request = request;
        for (var i = 0; i < request.Units.Count; i++)
        {
            units.TryAdd(request.Units[i].Id, i);
        }

        foreach (var measure in request.Measures)
        {
            measures.TryAdd(measure.Id, measure);
        }

        foreach (var (measure, _) in settings.Measures)
        {
            if (MeasureProblem(measure) is { } problem)
            {
                throw new DataSourceException(source, $"the setting \"measures\" maps a path to '{measure}': {problem}.", null);
            }
        }

        if (settings.Kind == ItemMappingKind.Records)
        {
            var records = settings.Records!;
            var fieldNames = settings.Fields.Select(f => f.Key).ToArray();
            try
            {
                aggregator = new RecordAggregator(records, request.Measures, fieldNames, request.Units.Count);
            }
            catch (ArgumentException exception)
            {
                throw new DataSourceException(source, $"the records '{records}' do not fit the definition: {exception.Message.Split(" (Parameter", 2)[0]}", exception);
            }

            if (aggregator.Measures.Count == 0)
            {
                throw new DataSourceException(source,
                    $"no measure of the definition derives from the records '{records}' (setting \"records\"); name the record set the derivations use, e.g. \"derivation\": {{ \"records\": \"{records}\", … }}.", null);
            }

            var required = aggregator.RequiredFields.ToHashSet(StringComparer.Ordinal);
            recordFields = [.. settings.Fields.Select((f, i) => (i, f.Value)).Where(f => required.Contains(fieldNames[f.i]))];
            recordValues = new double[fieldNames.Length];
            recordCounts = new long[request.Units.Count];
        }
    }

    public long Read => read;

    /// <summary>Takes the rows of one item.</summary>
    /// <param name="url">The page's URL.</param>
    /// <param name="pointer">The item's JSON pointer in the page.</param>
    /// <param name="item">The item.</param>
    public void Add(Uri url, string pointer, JsonElement item)
    {
        var at = $"{url}#{pointer}";
        if (settings.Kind == ItemMappingKind.Wide)
        {
            var problem = ItemProblem(item, out var unit, out var period);
            foreach (var (measure, path) in settings.Measures)
            {
                read++;
                var location = at + path.Pointer;
                if (problem is not null)
                {
                    Reject(location, problem);
                }
                else if (!path.TryFind(item, out var value))
                {
                    Reject(location, $"the item has no value at {path} for '{measure}'; write null when there is no value, or correct \"measures\"");
                }
                else
                {
                    AcceptValue(location, unit!, measure, period!, value, path);
                }
            }

            return;
        }

        read++;
        if (ItemProblem(item, out var itemUnit, out var itemPeriod) is { } reason)
        {
            Reject(at, reason);
            return;
        }

        if (settings.Kind == ItemMappingKind.Records)
        {
            AddRecord(at, itemUnit!, item);
            return;
        }

        if (!Find(item, settings.MeasurePath!, "measure id", out var measureId, out var measureProblem))
        {
            Reject(at, measureProblem);
            return;
        }

        if (MeasureProblem(measureId) is { } notReadable)
        {
            Reject(at, notReadable);
            return;
        }

        if (!settings.ValuePath!.TryFind(item, out var valueElement))
        {
            Reject(at, $"the item has no value at {settings.ValuePath}; write null when there is no value");
            return;
        }

        AcceptValue(at, itemUnit!, measureId, itemPeriod!, valueElement, settings.ValuePath);
    }

    /// <summary>The accepted observations; for raw records, one per derived measure and unit, located at the items they came from.</summary>
    /// <param name="firstUrl">The first page's URL.</param>
    /// <param name="pages">The number of pages read.</param>
    public IReadOnlyList<Observation> Observations(Uri firstUrl, int pages)
    {
        if (aggregator is null)
        {
            return accepted;
        }

        var list = new List<Observation>(aggregator.Measures.Count * request.Units.Count);
        var where = $"{firstUrl}#{settings.Items.Pointer}";
        var pageText = pages == 1 ? "1 page" : $"{pages.ToString(CultureInfo.InvariantCulture)} pages";
        for (var m = 0; m < aggregator.Measures.Count; m++)
        {
            for (var u = 0; u < request.Units.Count; u++)
            {
                var unit = request.Units[u].Id;
                var location = $"{where} ({recordCounts[u].ToString(CultureInfo.InvariantCulture)} '{settings.Records}' record(s) of '{unit}' in {pageText})";
                list.Add(new Observation(unit, aggregator.Measures[m].Id, request.Period, aggregator.Value(m, u), new Provenance(source, location)));
            }
        }

        return list;
    }

    public SourceAccount Account() => new(source, read, read - rejected.Count, [.. rejected]);

    private string? ItemProblem(JsonElement item, out string? unit, out string? period)
    {
        unit = null;
        period = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return $"the item is {JsonValues.Describe(item)}, not an object";
        }

        if (!Find(item, settings.UnitPath, "unit id", out var unitText, out var problem))
        {
            return problem;
        }

        if (!units.ContainsKey(unitText))
        {
            return $"the unit '{unitText}' ({settings.UnitPath}) is not in the assessment's unit list; correct the id or add the unit";
        }

        unit = unitText;
        if (settings.PeriodPath is { } periodPath)
        {
            if (!Find(item, periodPath, "period", out var periodText, out problem))
            {
                return problem;
            }

            period = periodText;
        }
        else
        {
            period = settings.Period ?? request.Period;
        }

        return string.Equals(period, request.Period, StringComparison.Ordinal) ? null : $"period {period} is not the period assessed ({request.Period})";
    }

    private static bool Find(JsonElement item, JsonPath path, string what, out string text, out string problem)
    {
        text = string.Empty;
        problem = string.Empty;
        if (!path.TryFind(item, out var value))
        {
            problem = $"the item has no {what} at {path}";
            return false;
        }

        if (!JsonValues.TryText(value, out text))
        {
            problem = $"the {what} at {path} is {JsonValues.Describe(value)}; write it as a string or a number";
            return false;
        }

        return true;
    }

    private string? MeasureProblem(string measure) =>
        !measures.TryGetValue(measure, out var definition)
            ? $"the measure '{measure}' is not declared by the index definition; correct the measure id"
            : definition.Formula is not null
                ? $"the measure '{measure}' is computed by the formula '{definition.Formula}', so it is not read from data; remove the value or drop the formula"
                : definition.Derivation is not null
                    ? $"the measure '{measure}' is aggregated from the records '{definition.Derivation.Records}', so it is not read as a value; remove the value or the derivation"
                    : null;

    private void AcceptValue(string location, string unit, string measure, string period, JsonElement element, JsonPath path)
    {
        if (!JsonValues.TryNumber(element, out var value, out var reason))
        {
            Reject(location, $"the value at {path} {reason}");
            return;
        }

        if (seen.TryGetValue((unit, measure), out var first))
        {
            Reject(location, $"duplicate: unit '{unit}' already has a value of '{measure}' for {period} at {first}, which was kept; remove one of them");
            return;
        }

        seen[(unit, measure)] = location;
        accepted.Add(new Observation(unit, measure, period, value, new Provenance(source, location)));
    }

    private void AddRecord(string location, string unit, JsonElement item)
    {
        Array.Fill(recordValues, double.NaN);
        foreach (var (field, path) in recordFields)
        {
            if (!path.TryFind(item, out var element))
            {
                continue;
            }

            if (!JsonValues.TryNumber(element, out recordValues[field], out var reason))
            {
                Reject(location, $"the field '{settings.Fields[field].Key}' at {path} {reason}");
                return;
            }
        }

        var ordinal = units[unit];
        aggregator!.Add(ordinal, recordValues);
        recordCounts[ordinal]++;
    }

    private void Reject(string location, string reason)
    {
        if (request.Mode == RejectionMode.Strict)
        {
            throw new DataSourceException(source, $"{location}: {reason}. (Strict mode stops at the first bad item; {read.ToString(CultureInfo.InvariantCulture)} read so far.)", null);
        }

        rejected.Add(new RejectedRow(location, reason));
    }
}
