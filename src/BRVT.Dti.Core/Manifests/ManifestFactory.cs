using System.Globalization;
using System.Reflection;
using BRVT.Dti.Evaluation;
using BRVT.Dti.Results;

namespace BRVT.Dti.Manifests;

/// <summary>Builds run manifests: everything that determines a result, and nothing that varies between runs (no clock time).</summary>
internal static class ManifestFactory
{
    public static string LibraryVersion { get; } =
        typeof(ManifestFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ManifestFactory).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static RunManifest Create(ScoringPlan plan, AssessmentData data)
    {
        var definition = plan.Definition;
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["aggregation"] = definition.Aggregation.ToString(),
            ["decimals"] = definition.Scale.Decimals.ToString(CultureInfo.InvariantCulture),
            ["maxPoints"] = definition.Scale.MaxPoints.ToString("R", CultureInfo.InvariantCulture),
            ["missingData"] = definition.MissingData.ToString(),
            ["ranking.by"] = definition.Ranking.By,
            ["ranking.ties"] = definition.Ranking.TieTolerance is { } t
                ? "tolerance " + t.ToString("R", CultureInfo.InvariantCulture)
                : "equal at " + definition.Scale.Decimals.ToString(CultureInfo.InvariantCulture) + " decimals",
            ["rules"] = string.Join(",", plan.Leaves.Select(l => l.RuleName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        };
        return new RunManifest
        {
            IndexId = definition.Id,
            IndexVersion = definition.Version,
            DefinitionSha256 = plan.DefinitionSha256,
            DataSha256 = data.DataSha256,
            LibraryVersion = LibraryVersion,
            Period = data.Period,
            UnitCount = data.UnitArray.Length,
            ObservationCount = data.ObservationCount,
            Options = [.. options],
        };
    }
}
