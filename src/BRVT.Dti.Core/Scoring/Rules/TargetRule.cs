using BRVT.Dti.Definitions;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>
/// <c>target</c>: full marks when the target is met (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>); otherwise the
/// achievement (value / target, or target / value when lower is better), or nothing with <c>allOrNothing</c>.
/// </summary>
internal sealed class TargetRule : IScoringRule
{
    public string Name => "target";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var input = reader.Input(allowOf: true);
        var target = reader.Number("target", required: true, min: 0, exclusiveMin: true);
        var measureDirection = input is null ? Direction.HigherIsBetter : reader.MeasureDirection(input.Measures[0]);
        var comparison = reader.Choice("comparison", measureDirection == Direction.LowerIsBetter ? "<=" : ">=", ">=", ">", "<=", "<");
        var allOrNothing = reader.Bool("allOrNothing", false);
        return context.HasProblems || input is null || target is null || comparison is null
            ? null
            : new Kernel(input, target.Value, comparison, allOrNothing);
    }

    private sealed class Kernel(ValueInput input, double target, string comparison, bool allOrNothing) : ValueRuleKernel(input)
    {
        private readonly bool lowerIsBetter = comparison[0] == '<';

        public override string Parameters =>
            $"{Input.ParameterText()} {comparison} {RuleParameterReader.Format(target)}" + (allOrNothing ? ", all or nothing" : ", else partial");

        protected override double Share(double value)
        {
            if (Met(value))
            {
                return 1;
            }

            if (allOrNothing)
            {
                return 0;
            }

            if (lowerIsBetter)
            {
                return value <= 0 ? 1 : target / value;
            }

            // Strictly-greater targets give partial credit that stays below one when the value equals the target.
            var share = value / target;
            return share >= 1 ? Math.BitDecrement(1.0) : share;
        }

        protected override string Explain(double value) =>
            Met(value) ? $"target {comparison} {RuleParameterReader.Format(target)} met" :
            allOrNothing ? $"target {comparison} {RuleParameterReader.Format(target)} not met (all or nothing)" :
            $"target {comparison} {RuleParameterReader.Format(target)} not met, partial credit";

        private bool Met(double value) => comparison switch
        {
            ">=" => value >= target,
            ">" => value > target,
            "<=" => value <= target,
            _ => value < target,
        };
    }
}
