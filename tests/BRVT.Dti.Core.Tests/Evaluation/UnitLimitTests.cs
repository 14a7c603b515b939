using BRVT.Dti.Data;
using BRVT.Dti.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Tests.Evaluation;

/// <summary><see cref="DtiLimits.MaxUnits"/>: units at the limit are prepared, one more is refused with a message naming the limit.</summary>
public sealed class UnitLimitTests
{
    private static readonly string Definition = TestIndex.Minimal(TestIndex.Measure("a"), TestIndex.Leaf("n", 100, """{ "type": "ratio", "measure": "a", "of": 100 }"""));

    [Fact]
    public void MaxUnits_Default_IsOneHundredThousand()
    {
        Assert.Equal(100_000, DtiLimits.Default.MaxUnits);
        Assert.Equal(100_000, TestIndex.Compile(Definition).Limits.MaxUnits);
    }

    [Fact]
    public void Prepare_UnitsAtTheLimit_AreAllPrepared()
    {
        var plan = Plan(maxUnits: 5);

        var data = plan.Prepare(Units(5), [Observations.Value("u3", "a", 40)], "2023");

        Assert.Equal(5, data.Units.Count);
        Assert.Empty(data.Issues);
    }

    [Fact]
    public void Prepare_OneUnitOverTheLimit_ThrowsNamingTheLimitItsValueAndHowToRaiseIt()
    {
        var plan = Plan(maxUnits: 5);

        var exception = Assert.Throws<LimitExceededException>(() => plan.Prepare(Units(6), [], "2023"));

        Assert.Equal("DtiLimits.MaxUnits", exception.Limit);
        Assert.Equal((5L, 6L), (exception.Maximum, exception.Actual));
        Assert.Equal(
            "Index 'test-index' was given 6 units for 2023, over the limit of 5 units (DtiLimits.MaxUnits). Assess fewer units at once, or raise the limit: services.AddDti(o => o.Limits = DtiLimits.Default with { MaxUnits = 6 }) or new DtiEngine(rules, DtiLimits.Default with { MaxUnits = 6 }).",
            exception.Message);
    }

    [Fact]
    public void Assess_OverTheLimit_ThrowsBeforeReadingAnyObservation()
    {
        var plan = Plan(maxUnits: 2);

        Assert.Throws<LimitExceededException>(() => plan.Assess(Units(3), Unreadable(), "2023"));
    }

    [Fact]
    public void AddDti_ConfiguredMaxUnits_ReachesThePlans()
    {
        var services = new ServiceCollection();
        services.AddDti(o => o.Limits = DtiLimits.Default with { MaxUnits = 3 });
        using var provider = services.BuildServiceProvider();
        var plan = TestIndex.Compile(Definition, provider.GetRequiredService<DtiEngine>());

        Assert.Equal(3, plan.Prepare(Units(3), [], "2023").Units.Count);
        Assert.Throws<LimitExceededException>(() => plan.Prepare(Units(4), [], "2023"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DtiEngine_MaxUnitsNotPositive_Throws(int maxUnits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtiEngine([], DtiLimits.Default with { MaxUnits = maxUnits }));

    [Property(MaxTest = 200)]
    public Property Prepare_AnyLimitAndCount_PreparesExactlyWhenTheCountIsWithinTheLimit() =>
        Prop.ForAll(
            Gen.Choose(1, 40).SelectMany(limit => Gen.Choose(0, 50).Select(count => (limit, count))).ToArbitrary(),
            pair =>
            {
                var (limit, count) = pair;
                var plan = Plan(limit);
                try
                {
                    var data = plan.Prepare(Units(count), [], "2023");
                    return count <= limit && data.Units.Count == count;
                }
                catch (LimitExceededException exception)
                {
                    return count > limit && exception.Maximum == limit && exception.Actual == count
                        && exception.Message.Contains($"over the limit of {limit} units (DtiLimits.MaxUnits)", StringComparison.Ordinal);
                }
            });

    private static ScoringPlan Plan(int maxUnits) => TestIndex.Compile(Definition, new DtiEngine([], DtiLimits.Default with { MaxUnits = maxUnits }));

    private static UnitInfo[] Units(int count) => [.. Enumerable.Range(1, count).Select(i => Observations.Unit($"u{i}"))];

    private static IEnumerable<Observation> Unreadable() => new UnreadableObservations();

    /// <summary>Observations that fail the test if anyone starts reading them.</summary>
    private sealed class UnreadableObservations : IEnumerable<Observation>
    {
        public IEnumerator<Observation> GetEnumerator() =>
            throw new InvalidOperationException("The observations must not be read when the units are over the limit.");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
