using BRVT.Dti.Definitions;

namespace BRVT.Dti.Scoring.Rules;

/// <summary><c>linear</c>: goalposts — the share grows linearly from <c>lower</c> to <c>upper</c> (or the reverse), clipped to 0..1.</summary>
internal sealed class LinearRule : IScoringRule
{
    public string Name => "linear";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var input = reader.Input(allowOf: true);
        var lower = reader.Number("lower", required: true);
        var upper = reader.Number("upper", required: true);
        if (lower is { } lo && upper is { } hi && hi <= lo)
        {
            context.Report("upper", $"\"upper\" ({RuleParameterReader.Format(hi)}) must be greater than \"lower\" ({RuleParameterReader.Format(lo)}). To reward lower values, keep lower < upper and set \"direction\": \"lower\".");
        }

        var direction = reader.Direction("direction", input?.Measures[0]);
        return context.HasProblems || input is null ? null : new Kernel(input, lower!.Value, upper!.Value, direction);
    }

    private sealed class Kernel(ValueInput input, double lower, double upper, Direction direction) : ValueRuleKernel(input)
    {
        public override string Parameters =>
            $"goalposts {RuleParameterReader.Format(lower)}..{RuleParameterReader.Format(upper)}, {(direction == Direction.HigherIsBetter ? "higher" : "lower")} is better";

        protected override double Share(double value) => direction == Direction.HigherIsBetter
            ? (value - lower) / (upper - lower)
            : (upper - value) / (upper - lower);

        protected override string Explain(double value) =>
            value <= lower ? "at or below the lower goalpost" : value >= upper ? "at or above the upper goalpost" : "between the goalposts";
    }
}
