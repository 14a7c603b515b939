using System.Text.Json;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>
/// <c>bands</c>: thresholds (or counts) to points, e.g. 4 / 3 / 2 / 1 meetings → 20 / 15 / 10 / 5 points, otherwise 0.
/// Bands with <c>min</c> reward higher values; bands with <c>max</c> reward lower values.
/// </summary>
internal sealed class BandsRule : IScoringRule
{
    public string Name => "bands";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var input = reader.Input(allowOf: true);
        if (!context.Parameters.TryGetProperty("bands", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            context.Report(list.ValueKind == JsonValueKind.Undefined ? string.Empty : "bands",
                "The 'bands' rule needs \"bands\": a non-empty array such as [{ \"min\": 4, \"points\": 20 }, { \"min\": 3, \"points\": 15 }].");
            return null;
        }

        var thresholds = new double[list.GetArrayLength()];
        var points = new double[thresholds.Length];
        bool? lowerIsBetter = null;
        var index = 0;
        foreach (var band in list.EnumerateArray())
        {
            var at = $"bands/{index}";
            var hasMin = band.ValueKind == JsonValueKind.Object && band.TryGetProperty("min", out var min);
            var hasMax = band.ValueKind == JsonValueKind.Object && band.TryGetProperty("max", out var max);
            if (hasMin == hasMax)
            {
                context.Report(at, "Each band needs exactly one of \"min\" (higher is better) or \"max\" (lower is better), and \"points\".");
                index++;
                continue;
            }

            if (lowerIsBetter is { } known && known != hasMax)
            {
                context.Report(at, "Do not mix \"min\" and \"max\" bands in one rule: use \"min\" everywhere when higher values are better, \"max\" when lower values are better.");
            }

            lowerIsBetter = hasMax;
            var threshold = band.GetProperty(hasMin ? "min" : "max");
            if (threshold.ValueKind != JsonValueKind.Number || !double.IsFinite(threshold.GetDouble()))
            {
                context.Report($"{at}/{(hasMin ? "min" : "max")}", "The threshold must be a finite number.");
            }
            else
            {
                thresholds[index] = threshold.GetDouble();
            }

            if (!band.TryGetProperty("points", out var earned) || earned.ValueKind != JsonValueKind.Number || !double.IsFinite(earned.GetDouble()))
            {
                context.Report(at, "Each band needs \"points\": the points it earns (a number from 0 to the leaf's maxPoints).");
            }
            else if (earned.GetDouble() < 0 || earned.GetDouble() > context.MaxPoints + 1e-9)
            {
                context.Report($"{at}/points", $"A band earns {RuleParameterReader.Format(earned.GetDouble())} points, outside 0..{RuleParameterReader.Format(context.MaxPoints)} (the leaf's maxPoints). Lower the points or raise maxPoints.");
            }
            else
            {
                points[index] = earned.GetDouble();
            }

            if (index > 0 && !context.HasProblems)
            {
                var better = hasMax ? thresholds[index] < thresholds[index - 1] : thresholds[index] > thresholds[index - 1];
                if (better || thresholds[index] == thresholds[index - 1])
                {
                    context.Report($"{at}/{(hasMin ? "min" : "max")}",
                        "List bands from the best to the worst, each threshold strictly " + (hasMax ? "greater" : "smaller") + " than the one before.");
                }
                else if (points[index] > points[index - 1])
                {
                    context.Report($"{at}/points", "A worse band cannot earn more points than a better one. List bands from the best to the worst.");
                }
            }

            index++;
        }

        return context.HasProblems || input is null
            ? null
            : new Kernel(input, thresholds, points, lowerIsBetter == true, context.MaxPoints);
    }

    private sealed class Kernel(ValueInput input, double[] thresholds, double[] points, bool lowerIsBetter, double maxPoints) : ValueRuleKernel(input)
    {
        public override string Parameters => string.Join("; ", thresholds.Select((t, i) =>
            $"{(lowerIsBetter ? "≤" : "≥")} {RuleParameterReader.Format(t)} → {RuleParameterReader.Format(points[i])} points")) + "; otherwise 0";

        protected override double Share(double value)
        {
            var band = Band(value);
            return band < 0 || maxPoints <= 0 ? 0 : points[band] / maxPoints;
        }

        protected override string Explain(double value)
        {
            var band = Band(value);
            return band < 0
                ? "below every band → 0 points"
                : $"band {(lowerIsBetter ? "≤" : "≥")} {RuleParameterReader.Format(thresholds[band])} → {RuleParameterReader.Format(points[band])} points";
        }

        private int Band(double value)
        {
            for (var i = 0; i < thresholds.Length; i++)
            {
                if (lowerIsBetter ? value <= thresholds[i] : value >= thresholds[i])
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
