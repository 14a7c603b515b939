namespace BRVT.Dti.Scoring.Rules;

/// <summary><c>boolean</c>: yes earns the maximum; with <c>half</c>, a value of 0.5 earns half.</summary>
internal sealed class BooleanRule : IScoringRule
{
    public string Name => "boolean";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var input = reader.Input(allowOf: false);
        var half = reader.Bool("half", false);
        return context.HasProblems || input is null ? null : new Kernel(input, half);
    }

    private sealed class Kernel(ValueInput input, bool half) : ValueRuleKernel(input)
    {
        public override string Parameters => half ? $"{Input.ParameterText()}: yes = 1, half = 0.5, no = 0" : $"{Input.ParameterText()}: yes = 1, no = 0";

        protected override double Share(double value) => value >= 1 ? 1 : half && value >= 0.5 ? 0.5 : 0;

        protected override string Explain(double value) => value >= 1 ? "yes" : half && value >= 0.5 ? "half" : "no";
    }
}
