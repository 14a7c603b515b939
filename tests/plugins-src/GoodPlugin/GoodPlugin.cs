using BRVT.Dti.Data;
using BRVT.Dti.Plugins;
using BRVT.Dti.Scoring;

namespace BRVT.Dti.TestPlugins;

/// <summary>Registers the <c>square</c> rule and the <c>constant</c> source type.</summary>
public sealed class GoodPlugin : IDtiPlugin
{
    public string Name => "good";

    public void Register(IDtiBuilder builder) =>
        builder.AddScoringRule<SquareRule>().AddDataSourceFactory<ConstantSourceFactory>();
}

/// <summary>The share is the value squared (clamped to 0..1).</summary>
public sealed class SquareRule : IScoringRule
{
    public string Name => "square";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        if (!context.Parameters.TryGetProperty("measure", out var measure) || measure.GetString() is not { } id || !context.Measures.ContainsKey(id))
        {
            context.Report("measure", "Name a declared measure.");
            return null;
        }

        return new Kernel(id);
    }

    private sealed class Kernel(string measure) : IRuleKernel
    {
        public IReadOnlyList<string> Inputs => [measure];

        public string Parameters => "value²";

        public void Evaluate(RuleInputs inputs, Span<double> shares)
        {
            var column = inputs.Column(0);
            for (var u = 0; u < shares.Length; u++)
            {
                shares[u] = Math.Clamp(column[u] * column[u], 0, 1);
            }
        }

        public string Describe(ReadOnlySpan<double> inputs, double share) => FormattableString.Invariant($"{inputs[0]}² = {share}");
    }
}

/// <summary>A source that gives every requested unit and measure the value of its <c>value</c> setting.</summary>
public sealed class ConstantSourceFactory : IDataSourceFactory
{
    public string Type => "constant";

    public IDataSource Create(DataSourceConfiguration configuration)
    {
        if (!configuration.Settings.TryGetProperty("value", out var value) || !value.TryGetDouble(out var number))
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer + "/value", "Give \"value\" as a number.");
        }

        return new ConstantSource(configuration.Name, number);
    }

    private sealed class ConstantSource(string name, double value) : IDataSource
    {
        public string Name => name;

        public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
        {
            var observations = new List<Observation>();
            foreach (var unit in request.Units)
            {
                foreach (var measure in request.Measures)
                {
                    observations.Add(new Observation(unit.Id, measure.Id, request.Period, value, new Provenance(name, $"{unit.Id}/{measure.Id}")));
                }
            }

            return ValueTask.FromResult(new SourceReadResult(observations, new SourceAccount(name, observations.Count, observations.Count, [])));
        }
    }
}
