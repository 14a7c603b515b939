using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>
/// <c>formula</c>: an expression over measures, parsed once, whose value is the share (0..1) or, with
/// <c>"result": "points"</c>, the points; either is clamped to its range.
/// </summary>
internal sealed class FormulaRule(FormulaLimits limits) : IScoringRule
{
    public string Name => "formula";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var result = reader.Choice("result", "share", "share", "points");
        if (!context.Parameters.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.String)
        {
            context.Report(expression.ValueKind == JsonValueKind.Undefined ? string.Empty : "expression",
                "The 'formula' rule needs \"expression\": a formula over measure ids, e.g. \"min(online / received, 1)\".");
            return null;
        }

        var parsed = Formula.Parse(expression.GetString()!, limits);
        foreach (var error in parsed.Errors)
        {
            context.Report("expression", $"Column {error.Column.ToString(CultureInfo.InvariantCulture)}: {error.Message}");
        }

        if (parsed.Formula is not { } formula)
        {
            return null;
        }

        foreach (var variable in formula.Variables)
        {
            if (!context.Measures.ContainsKey(variable))
            {
                context.Report("expression", $"The formula names '{variable}', which is not a declared measure. Declare it in \"measures\" or correct the name.");
            }
        }

        return context.HasProblems || result is null ? null : new Kernel(formula, result == "points", context.MaxPoints);
    }

    private sealed class Kernel(Formula formula, bool resultIsPoints, double maxPoints) : IRuleKernel
    {
        public IReadOnlyList<string> Inputs => formula.Variables;

        public string Parameters => $"{(resultIsPoints ? "points" : "share")} = {formula.Text}";

        public void Evaluate(RuleInputs inputs, Span<double> shares)
        {
            formula.EvaluateInputs(inputs, shares);
            for (var unit = 0; unit < shares.Length; unit++)
            {
                shares[unit] = ToShare(shares[unit]);
            }
        }

        public string Describe(ReadOnlySpan<double> inputs, double share)
        {
            var raw = formula.Evaluate(inputs);
            var parts = new string[formula.Variables.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = $"{formula.Variables[i]} = {RuleParameterReader.Format(inputs[i])}";
            }

            var values = string.Join(", ", parts);
            return double.IsNaN(share)
                ? $"{formula.Text} with {values}: no value (missing data)"
                : $"{formula.Text} with {values} = {RuleParameterReader.Format(raw)} → share {share.ToString("0.####", CultureInfo.InvariantCulture)}";
        }

        private double ToShare(double value)
        {
            if (double.IsNaN(value))
            {
                return double.NaN;
            }

            if (!resultIsPoints)
            {
                return Math.Clamp(value, 0, 1);
            }

            return maxPoints <= 0 ? 0 : Math.Clamp(value / maxPoints, 0, 1);
        }
    }
}
