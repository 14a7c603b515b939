using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Definitions;
using BRVT.Dti.Fuzz.Tests.Support.Sql;

namespace BRVT.Dti.Fuzz.Tests.Support.Http;

/// <summary>A page the server answered in full with 200: the URL as the client names it, and the bytes sent.</summary>
internal sealed record ServedPage(string Url, byte[] Body);

/// <summary>
/// Computes, independently of the plugin, what a lenient read must give from the pages the server served in full (in
/// the order served): the items at the items path, each checked by the rules the plugin's README states, in its order
/// (an object; a unit id that is a string or number, assessed; the period; the measure declared and read from data;
/// the value a number, true/false, invariant number text, or null/blank as missing; the first of duplicates kept);
/// raw records aggregated here by <see cref="RecordOracle"/>.
/// </summary>
internal static class HttpOracle
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static SqlExpectation Expect(HttpFuzzCase fuzz, IReadOnlyList<ServedPage> served)
    {
        var expectation = new SqlExpectation();
        var units = HttpFuzzCase.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var measures = fuzz.Measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var derived = fuzz.Measures.Where(m => m.Derivation is not null).ToList();
        var filters = derived.Select(m => (Filter: RecordOracle.Parse(m.Derivation!.Filter), Denominator: m.Derivation!.Function == "ratio" ? RecordOracle.Parse(m.Derivation.DenominatorFilter) : null)).ToList();
        var required = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < derived.Count; i++)
        {
            if (derived[i].Derivation!.Field is { } field && derived[i].Derivation!.Function is not ("count" or "ratio"))
            {
                required.Add(field);
            }

            required.UnionWith(filters[i].Filter?.Variables ?? []);
            required.UnionWith(filters[i].Denominator?.Variables ?? []);
        }

        var fields = HttpFuzzCase.RecordFields.Select(f => f.Field).ToArray();
        var records = HttpFuzzCase.Units.ToDictionary(u => u.Id, _ => new List<double[]>(), StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var pointer = fuzz.Shape switch { 0 => "/data/items", 1 => string.Empty, _ => "/results" };
        var pages = served.DistinctBy(p => p.Url, StringComparer.Ordinal).ToList();
        foreach (var page in pages)
        {
            var bytes = page.Body.AsSpan().StartsWith("\uFEFF"u8) ? page.Body[3..] : page.Body;
            using var document = JsonDocument.Parse(bytes, Options);
            var root = document.RootElement;
            var items = fuzz.Shape switch
            {
                0 => Find(root, ["data", "items"]),
                1 => root,
                _ => Find(root, ["results"]),
            } ?? throw new InvalidOperationException($"the page {page.Url} was read, but the oracle finds no items in it");
            if (items.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var at = $"{page.Url}#{pointer}/{index.ToString(CultureInfo.InvariantCulture)}";
                index++;
                var problem = ItemProblem(fuzz, item, units);
                switch (fuzz.Mapping)
                {
                    case HttpMapping.Wide:
                        foreach (var (measure, _, steps) in HttpFuzzCase.WideMeasures)
                        {
                            expectation.Read++;
                            var location = at + "/" + string.Join('/', steps);
                            if (problem is not null)
                            {
                                Reject(expectation, location, problem);
                            }
                            else if (Find(item, steps) is not { } value)
                            {
                                Reject(expectation, location, "the item has no value at");
                            }
                            else
                            {
                                Value(expectation, seen, location, Text(Find(item, ["ma_don_vi"])!.Value)!, measure, value);
                            }
                        }

                        break;
                    case HttpMapping.Long:
                        expectation.Read++;
                        if (problem is not null)
                        {
                            Reject(expectation, at, problem);
                            break;
                        }

                        var measureElement = Find(item, ["ma_chi_so"]);
                        var measureId = measureElement is { } m ? Text(m) : null;
                        var measureProblem = measureElement is null ? "the item has no measure id"
                            : measureId is null ? "the measure id at"
                            : !measures.TryGetValue(measureId, out var definition) ? "is not declared by the index definition"
                            : definition.Formula is not null ? "is computed by the formula"
                            : definition.Derivation is not null ? "is aggregated from the records"
                            : null;
                        if (measureProblem is not null)
                        {
                            Reject(expectation, at, measureProblem);
                        }
                        else if (Find(item, ["gia_tri"]) is not { } value)
                        {
                            Reject(expectation, at, "the item has no value at");
                        }
                        else
                        {
                            Value(expectation, seen, at, Text(Find(item, ["ma_don_vi"])!.Value)!, measureId!, value);
                        }

                        break;
                    default:
                        expectation.Read++;
                        if (problem is not null)
                        {
                            Reject(expectation, at, problem);
                            break;
                        }

                        var record = new double[fields.Length];
                        string? fieldProblem = null;
                        for (var f = 0; f < fields.Length && fieldProblem is null; f++)
                        {
                            record[f] = double.NaN;
                            if (!required.Contains(fields[f]) || Find(item, HttpFuzzCase.RecordFields[f].Steps) is not { } element)
                            {
                                continue;
                            }

                            if (!Number(element, out record[f]))
                            {
                                fieldProblem = $"the field '{fields[f]}' at";
                            }
                        }

                        if (fieldProblem is not null)
                        {
                            Reject(expectation, at, fieldProblem);
                            break;
                        }

                        expectation.Accepted++;
                        records[Text(Find(item, ["ma_don_vi"])!.Value)!].Add(record);
                        break;
                }
            }
        }

        if (fuzz.Mapping == HttpMapping.Records)
        {
            var pageText = pages.Count == 1 ? "1 page" : $"{pages.Count.ToString(CultureInfo.InvariantCulture)} pages";
            foreach (var unit in HttpFuzzCase.Units)
            {
                var list = records[unit.Id];
                expectation.Records[unit.Id] = list.Count;
                for (var m = 0; m < derived.Count; m++)
                {
                    var (value, scale) = RecordOracle.Aggregate(derived[m].Derivation!, filters[m].Filter, filters[m].Denominator, fields, list);
                    expectation.Observations[(unit.Id, derived[m].Id)] = new ExpectedObservation(value, null,
                        $"({list.Count.ToString(CultureInfo.InvariantCulture)} 'ho_so' record(s) of '{unit.Id}' in {pageText})", scale, derived[m].Derivation!.Function);
                }
            }
        }

        return expectation;
    }

    private static void Reject(SqlExpectation expectation, string location, string phrase) => expectation.Rejected.Add(new ExpectedRejection(location, true, phrase));

    private static void Value(SqlExpectation expectation, HashSet<(string, string)> seen, string location, string unit, string measure, JsonElement element)
    {
        if (!Number(element, out var value))
        {
            Reject(expectation, location, "not a number");
            return;
        }

        if (!seen.Add((unit, measure)))
        {
            Reject(expectation, location, "duplicate");
            return;
        }

        expectation.Accepted++;
        expectation.Observations[(unit, measure)] = new ExpectedObservation(value, null, location, 0, "value");
    }

    /// <summary>The problem of an item as a whole (its unit and period), or <see langword="null"/>.</summary>
    private static string? ItemProblem(HttpFuzzCase fuzz, JsonElement item, HashSet<string> units)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        if (Find(item, ["ma_don_vi"]) is not { } unitElement)
        {
            return "the item has no unit id";
        }

        if (Text(unitElement) is not { } unit)
        {
            return "the unit id at";
        }

        if (!units.Contains(unit))
        {
            return "is not in the assessment's unit list";
        }

        if (fuzz.PeriodMode != 0)
        {
            return null;
        }

        if (Find(item, ["nam"]) is not { } periodElement)
        {
            return "the item has no period";
        }

        if (Text(periodElement) is not { } period)
        {
            return "the period at";
        }

        return period == HttpFuzzCase.Period ? null : "is not the period assessed";
    }

    private static JsonElement? Find(JsonElement root, string[] steps)
    {
        var value = root;
        foreach (var step in steps)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>An id: a string, trimmed, or a number as written; <see langword="null"/> when neither, empty or no text (half of a surrogate pair).</summary>
    private static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => String(value)?.Trim() ?? string.Empty,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        };
        return text.Length == 0 ? null : text;
    }

    /// <summary>A number: a finite JSON number, true/false, null or blank text as missing, or invariant number text.</summary>
    private static bool Number(JsonElement value, out double number)
    {
        number = double.NaN;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return double.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
            case JsonValueKind.True:
            case JsonValueKind.False:
                number = value.ValueKind == JsonValueKind.True ? 1 : 0;
                return true;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                if (String(value) is not { } written)
                {
                    return false;
                }

                var text = written.Trim();
                if (text.Length == 0)
                {
                    number = double.NaN;
                    return true;
                }

                return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
            default:
                return false;
        }
    }

    /// <summary>A string's text, or <see langword="null"/> when it holds an escaped half of a surrogate pair, which is no text.</summary>
    private static string? String(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
