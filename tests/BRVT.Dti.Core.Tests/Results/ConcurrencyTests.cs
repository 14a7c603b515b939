using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Tests.Results;

/// <summary>A compiled plan is immutable and shared: many threads scoring it at once get exactly the serial results.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Assess_SamePlanFromSixteenThreads_GivesResultsByteIdenticalToSerial()
    {
        var scenarios = Enumerable.Range(1, 16).Select(seed => ScenarioGenerator.Create(seed * 7919, monotone: false)).ToList();
        var plans = scenarios.Select(s => TestIndex.Compile(s.DefinitionJson)).ToList();

        // Serial reference: each scenario's result and explanation of its first unit.
        var serial = scenarios.Select((s, i) => Score(plans[i], s)).ToList();
        Assert.Contains(serial, json => json.Contains("\"observationCount\": ", StringComparison.Ordinal) && !json.Contains("\"observationCount\": 0,", StringComparison.Ordinal));

        // Sixteen threads, each scoring every scenario on the shared plans, in a different order, several times.
        using var start = new Barrier(16);
        var tasks = Enumerable.Range(0, 16).Select(thread => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var results = new string[scenarios.Count];
                for (var round = 0; round < 3; round++)
                {
                    for (var k = 0; k < scenarios.Count; k++)
                    {
                        var i = (k + thread) % scenarios.Count;
                        results[i] = Score(plans[i], scenarios[i]);
                    }
                }

                return results;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var parallel = await Task.WhenAll(tasks);

        Assert.All(parallel, results => Assert.Equal(serial, results));
    }

    private static string Score(ScoringPlan plan, Scenario scenario)
    {
        var data = plan.Prepare(scenario.Units, scenario.Observations, "2023");
        var result = plan.Assess(data);
        var explanation = plan.Explain(data, result, scenario.Units[0].Id);
        return AssessmentResultJson.Serialize(result) + "\n" + explanation.Root.Score;
    }
}
