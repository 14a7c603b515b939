using BRVT.Dti.Data;

namespace BRVT.Dti.TestUtilities;

/// <summary>A generated assessment: a valid definition, units and observations, for property tests.</summary>
/// <param name="Seed">The seed it was generated from (to reproduce a failure).</param>
/// <param name="DefinitionJson">The definition's JSON text.</param>
/// <param name="Units">The units.</param>
/// <param name="Observations">The observations, all for period 2023.</param>
/// <param name="Measures">The measure ids, all "higher is better".</param>
/// <param name="Monotone">Whether every rule is non-decreasing in every input.</param>
public sealed record Scenario(int Seed, string DefinitionJson, IReadOnlyList<UnitInfo> Units, IReadOnlyList<Observation> Observations, IReadOnlyList<string> Measures, bool Monotone)
{
    public override string ToString() =>
        $"Scenario seed {Seed}: {Units.Count} units, {Observations.Count} observations\n{DefinitionJson}";
}
