using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>Reads a rule's parameters, reporting each problem at its property instead of throwing.</summary>
internal readonly struct RuleParameterReader(RuleCompilationContext context)
{
    public RuleCompilationContext Context => context;

    public bool Has(string name) => context.Parameters.ValueKind == JsonValueKind.Object && context.Parameters.TryGetProperty(name, out _);

    /// <summary>Reads a measure reference and checks that the definition declares it.</summary>
    public string? Measure(string name, bool required = true)
    {
        if (!context.Parameters.TryGetProperty(name, out var value))
        {
            if (required)
            {
                context.Report(string.Empty, $"The '{context.Parameters.GetProperty("type").GetString()}' rule needs \"{name}\": the id of a measure declared in \"measures\".");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            context.Report(name, $"\"{name}\" must be the id of a measure (a string).");
            return null;
        }

        var id = value.GetString()!;
        if (!context.Measures.ContainsKey(id))
        {
            var known = context.Measures.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", context.Measures.Keys.Order(StringComparer.Ordinal));
            context.Report(name, $"Unknown measure '{id}'. Declare it in \"measures\" or use a declared id ({known}).");
            return null;
        }

        return id;
    }

    public double? Number(string name, bool required, double? min = null, double? max = null, bool exclusiveMin = false)
    {
        if (!context.Parameters.TryGetProperty(name, out var value))
        {
            if (required)
            {
                context.Report(string.Empty, $"The '{context.Parameters.GetProperty("type").GetString()}' rule needs \"{name}\" (a number).");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            context.Report(name, $"\"{name}\" must be a finite number.");
            return null;
        }

        if (min is { } lo && (exclusiveMin ? number <= lo : number < lo))
        {
            context.Report(name, $"\"{name}\" is {Format(number)}; it must be {(exclusiveMin ? "greater than" : "at least")} {Format(lo)}.");
            return null;
        }

        if (max is { } hi && number > hi)
        {
            context.Report(name, $"\"{name}\" is {Format(number)}; it must be at most {Format(hi)}.");
            return null;
        }

        return number;
    }

    public bool Bool(string name, bool defaultValue)
    {
        if (!context.Parameters.TryGetProperty(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        context.Report(name, $"\"{name}\" must be true or false.");
        return defaultValue;
    }

    public string? Choice(string name, string? defaultValue, params string[] allowed)
    {
        if (!context.Parameters.TryGetProperty(name, out var value))
        {
            return defaultValue;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null || Array.IndexOf(allowed, text) < 0)
        {
            context.Report(name, $"\"{name}\" must be one of: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
            return null;
        }

        return text;
    }

    public Direction MeasureDirection(string measureId) =>
        context.Measures.TryGetValue(measureId, out var measure) ? measure.Direction : Definitions.Direction.HigherIsBetter;

    public Direction Direction(string name, string? measureId)
    {
        var fallback = measureId is null ? Definitions.Direction.HigherIsBetter : MeasureDirection(measureId);
        return Choice(name, null, "higher", "lower") switch
        {
            "higher" => Definitions.Direction.HigherIsBetter,
            "lower" => Definitions.Direction.LowerIsBetter,
            _ => fallback,
        };
    }

    /// <summary>Reads the value a rule scores: one measure (<c>measure</c>, optionally over <c>of</c>) or a ratio of two.</summary>
    public ValueInput? Input(bool allowOf)
    {
        var hasPair = Has("numerator") || Has("denominator");
        if (hasPair)
        {
            if (Has("measure"))
            {
                context.Report("measure", "Give either \"measure\" or \"numerator\" and \"denominator\", not both.");
                return null;
            }

            var numerator = Measure("numerator");
            var denominator = Measure("denominator");
            var whenZero = Choice("whenZero", "missing", "missing", "zero", "full");
            return numerator is null || denominator is null || whenZero is null
                ? null
                : new ValueInput([numerator, denominator], 1, ParseWhenZero(whenZero));
        }

        var single = Measure("measure");
        var of = allowOf ? Number("of", required: false, min: 0, exclusiveMin: true) ?? 1 : 1;
        if (Has("whenZero"))
        {
            context.Report("whenZero", "\"whenZero\" applies to a \"numerator\"/\"denominator\" pair only. Remove it.");
        }

        return single is null ? null : new ValueInput([single], of, ZeroDenominator.Missing);
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "missing" : value.ToString("0.######", CultureInfo.InvariantCulture);

    private static ZeroDenominator ParseWhenZero(string text) => text switch
    {
        "zero" => ZeroDenominator.Zero,
        "full" => ZeroDenominator.Full,
        _ => ZeroDenominator.Missing,
    };
}
