using System.Text.Json;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Reads, off an index definition's rules, what kind of value each measure holds, so the generator invents values
/// that the rules score sensibly (a share stays below its denominator, a count reaches its best band when a unit is good).
/// It follows the definition, so an author's edit to an index changes the sample data accordingly.
/// </summary>
internal static class SampleMeasureCatalog
{
    private const string SelfAssessmentSource = "Phiếu tự đánh giá";

    public static IReadOnlyList<SampleMeasure> Read(IndexDefinition definition)
    {
        var kinds = new Dictionary<string, (SampleMeasureKind Kind, string? Denominator, double Top)>(StringComparer.Ordinal);
        foreach (var leaf in Leaves(definition.Nodes))
        {
            Classify(leaf.Rule!, kinds);
        }

        var measures = new List<SampleMeasure>();
        foreach (var measure in definition.Measures)
        {
            if (measure.Formula is not null)
            {
                continue; // computed from other measures by the engine
            }

            var channel = measure.Derivation is not null ? SampleChannel.Dossiers
                : measure.Source?.StartsWith(SelfAssessmentSource, StringComparison.Ordinal) == true ? SampleChannel.Workbook
                : SampleChannel.ReportedFigures;
            var (kind, denominator, top) = measure.Derivation is not null ? (SampleMeasureKind.Derived, null, 0)
                : kinds.TryGetValue(measure.Id, out var found) ? found
                : (SampleMeasureKind.Count, null, 10);
            measures.Add(new SampleMeasure(measure, kind, denominator, top, channel));
        }

        return measures;
    }

    private static IEnumerable<NodeDefinition> Leaves(IEnumerable<NodeDefinition> nodes) =>
        nodes.SelectMany(n => n.IsLeaf ? (n.Rule is null ? [] : [n]) : Leaves(n.Children));

    private static void Classify(RuleDefinition rule, Dictionary<string, (SampleMeasureKind, string?, double)> kinds)
    {
        var p = rule.Parameters;
        var measure = Text(p, "measure");
        var numerator = Text(p, "numerator");
        var denominator = Text(p, "denominator");
        if (numerator is not null && denominator is not null)
        {
            kinds.TryAdd(denominator, (SampleMeasureKind.Denominator, null, 0));
            kinds[numerator] = (SampleMeasureKind.Numerator, denominator, 0);
            return;
        }

        if (measure is null)
        {
            return;
        }

        switch (rule.Type)
        {
            case "boolean":
                var half = p.TryGetProperty("half", out var h) && h.ValueKind == JsonValueKind.True;
                kinds.TryAdd(measure, (half ? SampleMeasureKind.HalfFlag : SampleMeasureKind.Flag, null, 1));
                break;
            case "bands" when p.TryGetProperty("bands", out var bands) && bands.ValueKind == JsonValueKind.Array:
                var mins = bands.EnumerateArray().Where(b => b.TryGetProperty("min", out _)).Select(b => b.GetProperty("min").GetDouble()).ToList();
                kinds.TryAdd(measure, mins.Count > 0 ? (SampleMeasureKind.Count, null, mins.Max()) : (SampleMeasureKind.Incidents, null, 0));
                break;
            default:
                kinds.TryAdd(measure, (SampleMeasureKind.Count, null, 10));
                break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
