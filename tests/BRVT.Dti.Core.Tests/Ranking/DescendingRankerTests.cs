using BRVT.Dti.Ranking;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Ranking;

public sealed class DescendingRankerTests
{
    private static readonly Gen<double> Score = Gen.Frequency(
        (1, Gen.Elements(double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity)),
        (4, Gen.Choose(0, 20).Select(i => i / 4.0)),
        (4, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 997.0)));

    [Property(MaxTest = 300)]
    public Property Rank_SmallColumns_SameRanksAsCompetitionRanking() =>
        Prop.ForAll(Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Score, n)).ToArbitrary(), scores => Same(scores));

    [Property(MaxTest = 60)]
    public Property Rank_LargeColumnsThroughBuckets_SameRanksAsCompetitionRanking() =>
        Prop.ForAll(
            Gen.Choose(257, 12_000).SelectMany(n => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(double.NaN)), (3, Gen.Choose(0, 300).Select(i => i / 7.0)), (6, Gen.Choose(0, 1 << 30).Select(i => Math.Sqrt(i)))), n)).ToArbitrary(),
            scores => Same(scores));

    [Property(MaxTest = 8)]
    public Property Rank_ColumnsBeyondOneLevelOnOneOrSeveralThreads_SameRanksAsCompetitionRanking() =>
        Prop.ForAll(
            Gen.Choose(65_537, 150_000).SelectMany(n => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(double.NaN)), (2, Gen.Choose(0, 3000).Select(i => i / 7.0)), (6, Gen.Choose(0, 1 << 30).Select(i => Math.Sqrt(i)))), n)).ToArbitrary(),
            Gen.Elements(1, 2, 3, 8).ToArbitrary(),
            (scores, threads) => Same(scores, threads));

    [Fact]
    public void Rank_ReusedForShorterAndLongerColumns_EachRankedAfresh()
    {
        var ranker = new DescendingRanker(3);
        var ranks = new int[5];

        ranker.Rank([1, 3, 2, double.NaN, 3], ranks);
        Assert.Equal([4, 1, 3, 0, 1], ranks);

        ranker.Rank([5, 5], ranks.AsSpan(0, 2));
        Assert.Equal([1, 1], ranks[..2]);
    }

    private static Property Same(double[] scores, int threads = 1)
    {
        var expected = CompetitionRanking.Rank(scores, new int[scores.Length], [.. scores.Select((_, i) => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))], 15, 0);
        var ranks = new int[scores.Length];
        new DescendingRanker().Rank(scores, ranks, threads);
        var differing = Enumerable.Range(0, scores.Length).Where(u => (expected[u] ?? 0) != ranks[u]).ToList();
        return (differing.Count == 0).Label(string.Join(", ", differing.Take(5).Select(u => $"unit {u} ({scores[u]:R}): expected {expected[u]}, got {ranks[u]}")));
    }
}
