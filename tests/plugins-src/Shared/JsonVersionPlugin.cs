using System.Reflection;
using BRVT.Dti.Plugins;
using BRVT.Dti.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BRVT.Dti.TestPlugins;

/// <summary>
/// Names itself after the Newtonsoft.Json it runs with (e.g. <c>json 13.0.1</c>) and registers a rule that reads its
/// parameters with Newtonsoft.Json, so the dependency is really loaded and used.
/// </summary>
public sealed class JsonVersionPlugin : IDtiPlugin
{
    public string Name => "json " + JsonVersion.Current;

    public void Register(IDtiBuilder builder) =>
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IScoringRule, JsonScaledRule>());
}

internal static class JsonVersion
{
    public static string Current =>
        typeof(JsonConvert).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? "unknown";
}

/// <summary>The rule <c>json-scaled-&lt;assembly&gt;</c>: share = value × <c>scale</c>, parameters read by Newtonsoft.Json.</summary>
public sealed class JsonScaledRule : IScoringRule
{
    public string Name => "json-scaled-" + typeof(JsonScaledRule).Assembly.GetName().Name!.ToLowerInvariant();

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var parameters = JObject.Parse(context.Parameters.GetRawText());
        var measure = parameters.Value<string>("measure");
        if (measure is null || !context.Measures.ContainsKey(measure))
        {
            context.Report("measure", "Name a declared measure.");
            return null;
        }

        return new Kernel(measure, parameters.Value<double?>("scale") ?? 1);
    }

    private sealed class Kernel(string measure, double scale) : IRuleKernel
    {
        public IReadOnlyList<string> Inputs => [measure];

        public string Parameters => "value × " + JsonConvert.ToString(scale) + " (Newtonsoft.Json " + JsonVersion.Current + ")";

        public void Evaluate(RuleInputs inputs, Span<double> shares)
        {
            var column = inputs.Column(0);
            for (var u = 0; u < shares.Length; u++)
            {
                shares[u] = Math.Clamp(column[u] * scale, 0, 1);
            }
        }

        public string Describe(ReadOnlySpan<double> inputs, double share) => FormattableString.Invariant($"{inputs[0]} × {scale} = {share}");
    }
}
