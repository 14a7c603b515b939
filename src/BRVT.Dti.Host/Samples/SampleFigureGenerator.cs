using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Invents, reproducibly, what each unit reports for a period: every unit has a digital maturity between 0.35 and
/// 0.92 that grows a little each year, and its figures follow from it with noise. A third of the units are optimistic
/// in their self-assessment; the verified values are what the ranking uses.
/// </summary>
internal sealed class SampleFigureGenerator
{
    private const int BaseYear = 2023;
    private readonly IReadOnlyList<SampleMeasure> measures;
    private readonly Dictionary<string, List<IReadOnlyList<string>>> applicability;
    private readonly IReadOnlyList<UnitInfo> allUnits;

    public SampleFigureGenerator(IndexDefinition definition, IReadOnlyList<UnitInfo> allUnits)
    {
        measures = SampleMeasureCatalog.Read(definition);
        applicability = Applicability(definition);
        this.allUnits = allUnits;
    }

    public IReadOnlyList<SampleMeasure> Measures => measures;

    /// <summary>The unit's digital maturity in a period, in [0.05, 0.99].</summary>
    public static double Maturity(string unitId, string period)
    {
        var seed = SampleScenario.SeedOf(unitId);
        var random = new SampleRandom("maturity", seed);
        var level = random.Between(0.35, 0.92);
        var growth = random.Between(0.01, 0.09);
        var year = int.TryParse(period, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : BaseYear;
        return Math.Clamp(level + (growth * (year - BaseYear)), 0.05, 0.99);
    }

    /// <summary>Whether any leaf that uses the measure applies to the unit (a department without public services reports no dossiers).</summary>
    public bool AppliesTo(SampleMeasure measure, UnitInfo unit) =>
        !applicability.TryGetValue(measure.Id, out var paths)
        || paths.Any(path => path.Count == 0 || path.Contains(unit.Kind, StringComparer.Ordinal) || (unit.Group is not null && path.Contains(unit.Group, StringComparer.Ordinal)));

    public IEnumerable<SampleFigure> Figures(UnitInfo unit, string period)
    {
        var seed = SampleScenario.SeedOf(unit.Id);
        var maturity = Maturity(unit.Id, period);
        var optimistic = new SampleRandom("optimism", seed).Chance(0.33);
        var denominators = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var measure in measures.Where(m => m.Kind == SampleMeasureKind.Denominator))
        {
            var random = new SampleRandom(seed, period, measure.Id);
            denominators[measure.Id] = measure.Id == "communes"
                ? allUnits.Count(u => u.ParentId == unit.Id)
                : Math.Round(SampleSizes.Pick(measure.Id, unit.Kind, random) * (1 + (0.04 * Years(period))));
        }

        foreach (var measure in measures)
        {
            if (measure.Kind == SampleMeasureKind.Derived || !AppliesTo(measure, unit))
            {
                continue;
            }

            var random = new SampleRandom(seed, period, measure.Id, "value");
            var verified = measure.Kind switch
            {
                SampleMeasureKind.Denominator => denominators[measure.Id],
                SampleMeasureKind.Numerator => Part(denominators.GetValueOrDefault(measure.Denominator!), maturity, random),
                SampleMeasureKind.Flag => random.Chance(0.25 + (0.75 * maturity)) ? 1 : 0,
                SampleMeasureKind.HalfFlag => HalfFlag(maturity, random),
                SampleMeasureKind.Incidents => random.Chance(maturity) ? 0 : random.Between(1, 3),
                _ => Math.Round(measure.Top * Math.Clamp((maturity * 1.25) + random.Noise(0.25), 0, 2)),
            };
            var claimed = optimistic ? Optimistic(measure, verified, denominators) : verified;
            var self = SampleScenario.WordsInsteadOfNumbers.TryGetValue((unit.Id, period, measure.Id), out var words)
                ? words
                : claimed.ToString(CultureInfo.InvariantCulture);
            yield return new SampleFigure(unit.Id, measure, verified, self);
        }
    }

    private static int Years(string period) =>
        int.TryParse(period, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y - BaseYear : 0;

    private static double Part(double whole, double maturity, SampleRandom random) =>
        Math.Round(whole * Math.Clamp(maturity + random.Noise(0.15), 0, 1));

    private static double HalfFlag(double maturity, SampleRandom random)
    {
        var draw = random.NextDouble();
        return draw < maturity ? 1 : draw < maturity + 0.25 ? 0.5 : 0;
    }

    private static double Optimistic(SampleMeasure measure, double verified, Dictionary<string, double> denominators) => measure.Kind switch
    {
        SampleMeasureKind.Flag or SampleMeasureKind.HalfFlag => 1,
        SampleMeasureKind.Numerator => Math.Min(denominators.GetValueOrDefault(measure.Denominator!), Math.Round(verified * 1.12)),
        SampleMeasureKind.Count => verified + 1,
        SampleMeasureKind.Incidents => 0,
        _ => verified,
    };

    private static Dictionary<string, List<IReadOnlyList<string>>> Applicability(IndexDefinition definition)
    {
        var map = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        void Walk(IEnumerable<NodeDefinition> nodes, IReadOnlyList<string> inherited)
        {
            foreach (var node in nodes)
            {
                var path = node.AppliesTo.Count > 0 ? node.AppliesTo : inherited;
                if (node.IsLeaf && node.Rule is { } rule)
                {
                    foreach (var name in new[] { "measure", "numerator", "denominator" })
                    {
                        if (rule.Parameters.ValueKind == System.Text.Json.JsonValueKind.Object
                            && rule.Parameters.TryGetProperty(name, out var value) && value.GetString() is { } id)
                        {
                            if (!map.TryGetValue(id, out var list))
                            {
                                map[id] = list = [];
                            }

                            list.Add(path);
                        }
                    }
                }

                Walk(node.Children, path);
            }
        }

        Walk(definition.Nodes, []);
        return map;
    }

    /// <summary>The dossiers a unit received in a period, in date order; none when no dossier measure applies to it.</summary>
    public IEnumerable<SampleDossier> Dossiers(UnitInfo unit, string period)
    {
        if (!measures.Any(m => m.Kind == SampleMeasureKind.Derived && AppliesTo(m, unit)))
        {
            yield break;
        }

        var seed = SampleScenario.SeedOf(unit.Id);
        var maturity = Maturity(unit.Id, period);
        var random = new SampleRandom(seed, period, "dossiers");
        var (min, max) = SampleSizes.Dossiers(unit.Kind);
        var count = random.Between(min, max);
        var year = BaseYear + Years(period);
        var onlineRate = Math.Clamp(0.15 + (0.6 * maturity) + random.Noise(0.05), 0, 1);
        var onTimeRate = Math.Clamp(0.82 + (0.17 * maturity), 0, 1);
        var satisfiedRate = Math.Clamp(0.78 + (0.21 * maturity), 0, 1);
        for (var i = 0; i < count; i++)
        {
            var received = new DateOnly(year, 1, 1).AddDays(random.Between(0, 364));
            var resolved = random.Chance(0.96);
            var evaluated = resolved && random.Chance(0.35);
            yield return new SampleDossier(
                unit.Id,
                period,
                "TTHC-" + random.Between(1, 120).ToString("D3", CultureInfo.InvariantCulture),
                received,
                random.Chance(onlineRate),
                resolved,
                resolved && random.Chance(onTimeRate),
                evaluated,
                evaluated && random.Chance(satisfiedRate));
        }
    }
}
