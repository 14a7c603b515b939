using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Results;

namespace BRVT.Dti.Evaluation;

/// <summary>
/// Prepares the data of an assessment for a plan. Nothing is dropped silently: every unit and observation is either
/// used or reported as a <see cref="DataIssue"/> with its reason and provenance.
/// </summary>
internal static class AssessmentDataBuilder
{
    public static AssessmentData Build(ScoringPlan plan, IReadOnlyList<UnitInfo> units, IEnumerable<Observation> observations, string period, CancellationToken cancellationToken)
    {
        var definition = plan.Definition;
        var issues = new List<DataIssue>();
        var accepted = new List<UnitInfo>(units.Count);
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejectedUnits = new HashSet<string>(StringComparer.Ordinal);
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < definition.Groups.Count; g++)
        {
            groupIndex.TryAdd(definition.Groups[g].Id, g);
        }

        var groupOrdinals = new List<int>(units.Count);
        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
            if (unitIndex.ContainsKey(unit.Id))
            {
                issues.Add(new DataIssue("duplicate-unit", $"Unit '{unit.Id}' is listed twice; the second entry ('{unit.Name}') was not used. Give each unit its own id."));
                continue;
            }

            if (definition.UnitKinds.Count > 0 && !definition.UnitKinds.Contains(unit.Kind, StringComparer.Ordinal))
            {
                rejectedUnits.Add(unit.Id);
                issues.Add(new DataIssue("unit-kind", $"Unit '{unit.Id}' is of kind '{unit.Kind}', which index '{definition.Id}' does not assess (it assesses: {string.Join(", ", definition.UnitKinds)}). It was left out."));
                continue;
            }

            var group = 0;
            if (definition.Groups.Count > 0 && (unit.Group is null || !groupIndex.TryGetValue(unit.Group, out group)))
            {
                rejectedUnits.Add(unit.Id);
                var known = string.Join(", ", definition.Groups.Select(g => g.Id));
                issues.Add(new DataIssue("unknown-group", unit.Group is null
                    ? $"Unit '{unit.Id}' has no group, but index '{definition.Id}' ranks units in groups ({known}). Give the unit a group. It was left out."
                    : $"Unit '{unit.Id}' is in group '{unit.Group}', which index '{definition.Id}' does not declare ({known}). Correct the group. It was left out."));
                continue;
            }

            unitIndex[unit.Id] = accepted.Count;
            accepted.Add(unit);
            groupOrdinals.Add(group);
        }

        var unitCount = accepted.Count;
        var (classOrdinals, classCount, appliesByClass) = Classify(plan, accepted);
        var measures = plan.Measures;
        var measureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new double[measures.Length][];
        var provenance = new Provenance?[measures.Length][];
        for (var m = 0; m < measures.Length; m++)
        {
            measureIndex[measures[m].Id] = m;
            columns[m] = new double[unitCount];
            Array.Fill(columns[m], double.NaN);
            provenance[m] = new Provenance?[unitCount];
        }

        var used = 0;
        var otherPeriods = 0;
        foreach (var observation in observations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(observation, nameof(observations));
            if (!string.Equals(observation.Period, period, StringComparison.Ordinal))
            {
                otherPeriods++;
                continue;
            }

            if (!measureIndex.TryGetValue(observation.MeasureId, out var m))
            {
                issues.Add(new DataIssue("unknown-measure", $"Measure '{observation.MeasureId}' (unit '{observation.UnitId}') is not declared by index '{definition.Id}'. Correct the measure id or declare it.", observation.Provenance));
                continue;
            }

            if (measures[m].IsComputed)
            {
                issues.Add(new DataIssue("computed-measure", $"Measure '{observation.MeasureId}' is computed by the formula '{measures[m].Definition.Formula}', so the observed value for unit '{observation.UnitId}' was not used. Remove it from the data or drop the formula.", observation.Provenance));
                continue;
            }

            if (!unitIndex.TryGetValue(observation.UnitId, out var u))
            {
                var reason = rejectedUnits.Contains(observation.UnitId) ? "was left out (see the issue about it)" : "is not in the unit list";
                issues.Add(new DataIssue("unknown-unit", $"Unit '{observation.UnitId}' {reason}, so its value of '{observation.MeasureId}' was not used. Add the unit or correct its id.", observation.Provenance));
                continue;
            }

            if (double.IsInfinity(observation.Value))
            {
                issues.Add(new DataIssue("invalid-value", $"The value of '{observation.MeasureId}' for unit '{observation.UnitId}' is infinite. Give a finite number, or leave it empty when missing.", observation.Provenance));
                continue;
            }

            if (provenance[m][u] is { } first)
            {
                issues.Add(new DataIssue("duplicate-observation", $"Unit '{observation.UnitId}' has a second value of '{observation.MeasureId}' for {period}; the first ({first}) was kept and this one was not used. Remove the duplicate.", observation.Provenance));
                continue;
            }

            columns[m][u] = observation.Value;
            provenance[m][u] = observation.Provenance;
            used++;
        }

        if (otherPeriods > 0)
        {
            issues.Add(new DataIssue("other-period", $"{otherPeriods.ToString(CultureInfo.InvariantCulture)} observations are for periods other than {period} and were not used."));
        }

        foreach (var measure in measures.Where(m => m.IsComputed))
        {
            var m = measureIndex[measure.Id];
            measure.Formula!.Evaluate([.. measure.FormulaInputs.Select(i => columns[i])], columns[m]);
        }

        return new AssessmentData(plan)
        {
            Period = period,
            UnitArray = [.. accepted],
            GroupOrdinals = [.. groupOrdinals],
            ClassOrdinals = classOrdinals,
            ClassCount = classCount,
            AppliesByClass = appliesByClass,
            Columns = columns,
            Provenance = provenance,
            Issues = issues,
            ObservationCount = used,
            DataSha256 = Hash(accepted, measures.Select(m => m.Id).ToArray(), columns, unitIndex, period),
        };
    }

    private static (int[] ClassOrdinals, int ClassCount, bool[] AppliesByClass) Classify(ScoringPlan plan, List<UnitInfo> units)
    {
        var classes = new Dictionary<(string Kind, string? Group), int>();
        var ordinals = new int[units.Count];
        var representatives = new List<UnitInfo>();
        for (var u = 0; u < units.Count; u++)
        {
            var key = (units[u].Kind, units[u].Group);
            if (!classes.TryGetValue(key, out var ordinal))
            {
                ordinal = classes.Count;
                classes[key] = ordinal;
                representatives.Add(units[u]);
            }

            ordinals[u] = ordinal;
        }

        var nodes = plan.Nodes;
        var count = Math.Max(1, classes.Count);
        var applies = new bool[nodes.Length * count];
        for (var n = 0; n < nodes.Length; n++)
        {
            var node = nodes[n];
            for (var c = 0; c < representatives.Count; c++)
            {
                var parentApplies = node.Parent < 0 || applies[(node.Parent * count) + c];
                var unit = representatives[c];
                var own = node.AppliesTo.Count == 0
                    || node.AppliesTo.Contains(unit.Kind, StringComparer.Ordinal)
                    || (unit.Group is not null && node.AppliesTo.Contains(unit.Group, StringComparer.Ordinal));
                applies[(n * count) + c] = parentApplies && own;
            }
        }

        return (ordinals, count, applies);
    }

    private static string Hash(List<UnitInfo> units, string[] measureIds, double[][] columns, Dictionary<string, int> unitIndex, string period)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
        Append($"period\u001f{period}\n");
        var sortedUnits = units.Select(u => u.Id).Order(StringComparer.Ordinal).ToArray();
        foreach (var id in sortedUnits)
        {
            var unit = units[unitIndex[id]];
            Append($"unit\u001f{unit.Id}\u001f{unit.Kind}\u001f{unit.Group}\u001f{unit.ParentId}\n");
        }

        var order = Enumerable.Range(0, measureIds.Length).OrderBy(i => measureIds[i], StringComparer.Ordinal);
        foreach (var m in order)
        {
            foreach (var id in sortedUnits)
            {
                var value = columns[m][unitIndex[id]];
                if (!double.IsNaN(value))
                {
                    Append($"value\u001f{measureIds[m]}\u001f{id}\u001f{value.ToString("R", CultureInfo.InvariantCulture)}\n");
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
