using BRVT.Dti.Data;
using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Properties;

/// <summary>Invariants of scoring over generated definitions and data.</summary>
public sealed class ScoringProperties
{
    private static readonly DtiEngine Engine = new();

    private static (ScoringPlan Plan, AssessmentResult Result) Assess(Scenario scenario, IReadOnlyList<UnitInfo>? units = null, IEnumerable<Observation>? observations = null)
    {
        var plan = TestIndex.Compile(scenario.DefinitionJson, Engine);
        return (plan, plan.Assess(units ?? scenario.Units, observations ?? scenario.Observations, "2023"));
    }

    [Property(MaxTest = 150)]
    public Property Assess_AnyScenario_ScoresStayWithinZeroAndTheirMaximum() =>
        Prop.ForAll(ScenarioGenerator.Any(), scenario =>
        {
            var (plan, result) = Assess(scenario);
            foreach (var unit in result.Units)
            {
                for (var n = 0; n < unit.Nodes.Count; n++)
                {
                    var score = unit.Nodes[n];
                    // Re-weighting under a mean parent may give a child more than its nominal maximum, never more than the index's.
                    var nominal = plan.ResultNodes[0].MaxPoints;
                    Assert.InRange(score.MaxPoints, 0, nominal + (1e-9 * Math.Max(1, nominal)));
                    if (!double.IsNaN(score.Points))
                    {
                        Assert.InRange(score.Points, 0, score.MaxPoints + (1e-9 * Math.Max(1, score.MaxPoints)));
                    }

                    if (!double.IsNaN(score.Value))
                    {
                        Assert.InRange(score.Value, 0, 1);
                    }
                }
            }
        });

    [Property(MaxTest = 150)]
    public Property Assess_RaisingAHigherIsBetterInput_NeverLowersAnyScoreOfThatUnit() =>
        Prop.ForAll(ScenarioGenerator.MonotoneOnly(), Gen.Choose(0, 1000).ToArbitrary(), (scenario, pick) =>
        {
            if (scenario.Observations.Count == 0)
            {
                return;
            }

            var target = scenario.Observations[pick % scenario.Observations.Count];
            var raised = scenario.Observations.Select(o => ReferenceEquals(o, target) ? o with { Value = o.Value + 1 + (pick % 37) } : o).ToList();
            var (_, before) = Assess(scenario);
            var (_, after) = Assess(scenario, observations: raised);
            var u = scenario.Units.ToList().FindIndex(x => x.Id == target.UnitId);
            for (var n = 0; n < before.Units[u].Nodes.Count; n++)
            {
                var old = before.Units[u].Nodes[n];
                var now = after.Units[u].Nodes[n];
                Assert.Equal(old.MaxPoints, now.MaxPoints, 9);
                if (!double.IsNaN(old.Points))
                {
                    Assert.True(now.Points >= old.Points - (1e-9 * Math.Max(1, Math.Abs(old.Points))),
                        $"Node {before.Nodes[n].Id} of {target.UnitId} fell from {old.Points} to {now.Points} when {target.MeasureId} rose.");
                }
            }
        });

    [Property(MaxTest = 100)]
    public Property Assess_ShuffledUnitsAndObservations_ChangeNoScoreRankOrBand() =>
        Prop.ForAll(ScenarioGenerator.Any(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scenario, shuffleSeed) =>
        {
            var random = new Random(shuffleSeed);
            var units = scenario.Units.OrderBy(_ => random.Next()).ToList();
            var observations = scenario.Observations.OrderBy(_ => random.Next()).ToList();
            var (_, original) = Assess(scenario);
            var (_, shuffled) = Assess(scenario, units, observations);
            foreach (var unit in original.Units)
            {
                var other = shuffled.Units.Single(x => x.Unit.Id == unit.Unit.Id);
                Assert.Equal(unit.Rank, other.Rank);
                Assert.Equal(unit.RankWithinParent, other.RankWithinParent);
                Assert.Equal(unit.Band, other.Band);
                Assert.Equal(unit.Nodes, other.Nodes);
                Assert.Equal(unit.Views, other.Views);
            }

            Assert.Equal(original.Manifest.DataSha256, shuffled.Manifest.DataSha256);
        });

    [Property(MaxTest = 150)]
    public Property Assess_Ranks_AreOnePlusTheNumberOfStrictlyBetterUnitsInTheGroup() =>
        Prop.ForAll(ScenarioGenerator.Any(), scenario =>
        {
            var (plan, result) = Assess(scenario);
            var groups = plan.Definition.Groups;
            foreach (var unit in result.Units)
            {
                var group = groups.Single(g => g.Id == unit.Unit.Group);
                var value = unit.Total.Value;
                if (!group.Ranked || double.IsNaN(value))
                {
                    Assert.Null(unit.Rank);
                    continue;
                }

                var shown = Math.Round(value, 4, MidpointRounding.AwayFromZero);
                var better = result.Units.Count(o => o.Unit.Group == unit.Unit.Group && !double.IsNaN(o.Total.Value)
                    && Math.Round(o.Total.Value, 4, MidpointRounding.AwayFromZero) > shown);
                Assert.Equal(1 + better, unit.Rank);
            }
        });

    [Property(MaxTest = 100)]
    public Property DefinitionJson_RoundTrip_PreservesTheDefinition() =>
        Prop.ForAll(ScenarioGenerator.Any(), scenario =>
        {
            var plan = TestIndex.Compile(scenario.DefinitionJson, Engine);
            var once = BRVT.Dti.Definitions.DefinitionJson.Serialize(plan.Definition);
            var again = BRVT.Dti.Definitions.DefinitionJson.Serialize(BRVT.Dti.Definitions.DefinitionJson.Deserialize(once));
            Assert.Equal(once, again);
            var reloaded = TestIndex.Compile(once, Engine);
            Assert.Equal(plan.DefinitionSha256, reloaded.DefinitionSha256);
        });
}
