using BRVT.Dti.Scoring;

namespace BRVT.Dti.TestPlugins;

/// <summary>A rule nobody registers, because the author forgot the IDtiPlugin.</summary>
public sealed class OrphanRule : IScoringRule
{
    public string Name => "orphan";

    public IRuleKernel? Compile(RuleCompilationContext context) => null;
}
