using BRVT.Dti.Plugins;
using BRVT.Dti.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti.TestPlugins;

/// <summary>A correct plugin, published wrongly (with its own copy of the contracts).</summary>
public sealed class CopiedContractsPlugin : IDtiPlugin
{
    public string Name => "copied-contracts";

    public void Register(IDtiBuilder builder) =>
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IScoringRule, HalfRule>());
}

/// <summary>The rule <c>half</c>: half of the leaf's maximum for any present value.</summary>
public sealed class HalfRule : IScoringRule
{
    public string Name => "half";

    public IRuleKernel? Compile(RuleCompilationContext context) =>
        context.Parameters.TryGetProperty("measure", out var measure) ? new Kernel(measure.GetString()!) : null;

    private sealed class Kernel(string measure) : IRuleKernel
    {
        public IReadOnlyList<string> Inputs => [measure];

        public string Parameters => "½";

        public void Evaluate(RuleInputs inputs, Span<double> shares)
        {
            var column = inputs.Column(0);
            for (var u = 0; u < shares.Length; u++)
            {
                shares[u] = double.IsNaN(column[u]) ? double.NaN : 0.5;
            }
        }

        public string Describe(ReadOnlySpan<double> inputs, double share) => "½";
    }
}
