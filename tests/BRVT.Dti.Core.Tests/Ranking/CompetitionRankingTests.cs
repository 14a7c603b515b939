using BRVT.Dti.Ranking;

namespace BRVT.Dti.Tests.Ranking;

public sealed class CompetitionRankingTests
{
    [Fact]
    public void Rank_TiedValues_ShareARankAndTheNextIsSkipped()
    {
        var ranks = CompetitionRanking.Rank([0.9, 0.8, 0.8, 0.7], [0, 0, 0, 0], ["a", "b", "c", "d"], 4, null);
        Assert.Equal([1, 2, 2, 4], ranks);
    }

    [Fact]
    public void Rank_ValuesEqualAtPublishedDecimals_Tie()
    {
        var ranks = CompetitionRanking.Rank([0.70001, 0.69999, 0.6998], [0, 0, 0], ["a", "b", "c"], 4, null);
        Assert.Equal([1, 1, 3], ranks);
    }

    [Fact]
    public void Rank_WithTolerance_TiesAreAnchoredAtTheFirstOfTheRun()
    {
        var ranks = CompetitionRanking.Rank([0.50, 0.49, 0.48, 0.47], [0, 0, 0, 0], ["a", "b", "c", "d"], 4, 0.015);
        Assert.Equal([1, 1, 3, 3], ranks);
    }

    [Fact]
    public void Rank_Partitions_AreRankedApartAndNegativeOnesNotAtAll()
    {
        var ranks = CompetitionRanking.Rank([0.1, 0.9, 0.5, 0.7], [0, 1, 0, -1], ["a", "b", "c", "d"], 4, null);
        Assert.Equal([2, 1, 1, null], ranks);
    }

    [Fact]
    public void Rank_MissingValue_GetsNoRank()
    {
        var ranks = CompetitionRanking.Rank([double.NaN, 0.3], [0, 0], ["a", "b"], 4, null);
        Assert.Equal([null, 1], ranks);
    }

    [Fact]
    public void Rank_EqualInfinitiesWithZeroTolerance_Tie()
    {
        var ranks = CompetitionRanking.Rank([double.PositiveInfinity, 1, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity], [0, 0, 0, 0, 0], ["a", "b", "c", "d", "e"], 15, 0);
        Assert.Equal([1, 3, 1, 4, 4], ranks);
    }
}
