using BRVT.Dti.Plugins;
using BRVT.Dti.Scoring;
using BRVT.Dti.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using static BRVT.Dti.TestUtilities.Observations;

namespace BRVT.Dti.Tests.DependencyInjection;

public sealed class AddDtiTests
{
    [Fact]
    public void AddDti_CalledTwice_RegistersOneEngine()
    {
        var services = new ServiceCollection();
        services.AddDti();
        services.AddDti();
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<DtiEngine>());
        Assert.Same(provider.GetRequiredService<DtiEngine>(), provider.GetRequiredService<DtiEngine>());
    }

    [Fact]
    public void AddScoringRule_PluginRule_IsUsedByDefinitions()
    {
        var services = new ServiceCollection();
        services.AddDti().AddPlugin(new SquarePlugin()).AddScoringRule<SquareRule>();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<DtiEngine>();
        Assert.Contains("square", engine.RuleNames);
        var json = TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("a", 100, """{ "type": "square", "measure": "a" }"""));
        var plan = TestIndex.Compile(json, engine);
        Assert.Equal(25, plan.Assess([Unit("u")], [Value("u", "a", 0.5)], "2023").Units[0].Total.Points, 12);
    }

    [Fact]
    public void AddDti_Configure_AppliesLimits()
    {
        var services = new ServiceCollection();
        services.AddDti(o => o.Limits = DtiLimits.Default with { MaxNodes = 1 });
        using var provider = services.BuildServiceProvider();
        var json = TestIndex.Minimal(TestIndex.Measure("a"),
            TestIndex.Leaf("a", 50, """{ "type": "ratio", "measure": "a" }""") + "," + TestIndex.Leaf("b", 50, """{ "type": "ratio", "measure": "a" }"""));
        var result = provider.GetRequiredService<DtiEngine>().LoadDefinition(json);
        Assert.Contains(result.Problems, p => p.Message.Contains("MaxNodes", StringComparison.Ordinal));
    }

    private sealed class SquarePlugin : IDtiPlugin
    {
        public string Name => "square";

        public void Register(IDtiBuilder builder) => builder.AddScoringRule<SquareRule>();
    }

    private sealed class SquareRule : IScoringRule
    {
        public string Name => "square";

        public IRuleKernel? Compile(RuleCompilationContext context) =>
            context.Parameters.TryGetProperty("measure", out var m) ? new Kernel(m.GetString()!) : null;

        private sealed class Kernel(string measure) : IRuleKernel
        {
            public IReadOnlyList<string> Inputs => [measure];

            public string Parameters => "value²";

            public void Evaluate(RuleInputs inputs, Span<double> shares)
            {
                var column = inputs.Column(0);
                for (var u = 0; u < shares.Length; u++)
                {
                    shares[u] = column[u] * column[u];
                }
            }

            public string Describe(ReadOnlySpan<double> inputs, double share) => $"{inputs[0]}² = {share}";
        }
    }
}
