using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Scoring.Rules;

namespace BRVT.Dti.Scoring;

/// <summary>The scoring rules known to an engine, by name: the built-in ones and those plugins add.</summary>
internal sealed class RuleRegistry
{
    private readonly Dictionary<string, IScoringRule> rules = new(StringComparer.Ordinal);

    public RuleRegistry(IEnumerable<IScoringRule> extraRules, FormulaLimits formulaLimits)
    {
        IScoringRule[] builtIn =
        [
            new BooleanRule(), new RatioRule(), new TargetRule(), new BandsRule(),
            new LinearRule(), new RelativeRule(), new FormulaRule(formulaLimits),
        ];
        foreach (var rule in builtIn.Concat(extraRules))
        {
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                throw new InvalidOperationException($"The scoring rule {rule.GetType().FullName} has no name. Give IScoringRule.Name a value.");
            }

            if (rules.TryGetValue(rule.Name, out var existing) && existing.GetType() != rule.GetType())
            {
                throw new InvalidOperationException(
                    $"Two scoring rules are named '{rule.Name}': {existing.GetType().FullName} and {rule.GetType().FullName}. Rename one of them.");
            }

            rules[rule.Name] = rule;
        }
    }

    public IEnumerable<string> Names => rules.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, out IScoringRule rule) => rules.TryGetValue(name, out rule!);
}
