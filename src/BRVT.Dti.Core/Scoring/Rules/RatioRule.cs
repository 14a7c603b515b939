namespace BRVT.Dti.Scoring.Rules;

/// <summary><c>ratio</c>: a / b of the maximum (or value / <c>of</c>), capped to 0..1.</summary>
internal sealed class RatioRule : IScoringRule
{
    public string Name => "ratio";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var input = new RuleParameterReader(context).Input(allowOf: true);
        return context.HasProblems || input is null ? null : new Kernel(input);
    }

    private sealed class Kernel(ValueInput input) : ValueRuleKernel(input)
    {
        public override string Parameters => $"share = {Input.ParameterText()}, capped to 0..1";

        protected override double Share(double value) => value;

        protected override string Explain(double value) => value > 1 ? "capped at 1" : value < 0 ? "raised to 0" : "as is";
    }
}
