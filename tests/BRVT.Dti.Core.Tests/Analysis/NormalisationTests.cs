using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class NormalisationTests
{
    private static readonly double N = double.NaN;

    private static double[] Normalise(Normalisation method, double[] x, CompositeNode? node = null)
    {
        node ??= CompositeNode.Indicator("x", "I");
        var structure = Matrices.Flat(node);
        return CompositeSteps.Normalise(Matrices.Of(("x", x)), structure, method).Matrix.Column("x").ToArray();
    }

    [Fact]
    public void DistanceToTarget_TargetTen_GivesZeroHalfAndOnePointOne()
    {
        // The example: target 10, values 0, 5, 11 → 0, 0.5, 1.1 (minimum 0: (x − 0) / (10 − 0)).
        var node = CompositeNode.Indicator("x", "I") with { Target = 10 };
        Assert.Equal([0, 0.5, 1.1], Normalise(Normalisation.DistanceToTarget(), [0, 5, 11], node), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void DistanceToTarget_Capped_GivesOneBeyondTheTarget()
    {
        var node = CompositeNode.Indicator("x", "I") with { Target = 10 };
        Assert.Equal([0, 0.5, 1], Normalise(Normalisation.DistanceToTarget(capped: true), [0, 5, 11], node), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void DistanceToTarget_LowerIsBetter_MeasuresFromTheWorstValueDownToTheTarget()
    {
        // Direction −1, target 2, values 10, 6, 1: x' = −10, −6, −1, target' = −2, min' = −10 → 0, 0.5, 1.125.
        var node = CompositeNode.Indicator("x", "I", direction: -1) with { Target = 2 };
        Assert.Equal([0, 0.5, 1.125], Normalise(Normalisation.DistanceToTarget(), [10, 6, 1], node), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void MinMax_DefaultRange_MapsMinimumToZeroAndMaximumToHundred()
    {
        Assert.Equal([0.0, 50, 100, N], Normalise(Normalisation.MinMax(), [2, 4, 6, N]));
        Assert.Equal([1.0, 5.5, 10], Normalise(Normalisation.MinMax(1, 10), [2, 4, 6]));
    }

    [Fact]
    public void MinMax_LowerIsBetter_ReversesBeforeNormalising()
    {
        Assert.Equal([100.0, 50, 0], Normalise(Normalisation.MinMax(), [2, 4, 6], CompositeNode.Indicator("x", "I", direction: -1)));
    }

    [Fact]
    public void MinMax_SingleDistinctValue_GivesTheMiddleAndANote()
    {
        var structure = Matrices.Flat("x");
        var step = CompositeSteps.Normalise(Matrices.Of(("x", [3, 3, N])), structure, Normalisation.MinMax());
        Assert.Equal([50.0, 50, N], step.Matrix.Column("x").ToArray());
        Assert.Contains("single distinct value", Assert.Single(step.Report.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void ZScore_MeanTenSdTwo_ScalesSampleZScores()
    {
        // 1, 2, 3: mean 2, sample sd 1 → z = −1, 0, 1 → 10 + 2z = 8, 10, 12.
        Assert.Equal([8.0, 10, 12], Normalise(Normalisation.ZScore(10, 2), [1, 2, 3]));
        Assert.Equal([-1.0, 0, 1], Normalise(Normalisation.ZScore(), [1, 2, 3]));
    }

    [Fact]
    public void RankPercentileRankAndBorda_Ties_ShareTheLowestRank()
    {
        double[] x = [10, 20, 20, 30, N];
        Assert.Equal([1.0, 2, 2, 4, N], Normalise(Normalisation.Rank(), x));
        Assert.Equal([0.0, 1.0 / 3, 1.0 / 3, 1, N], Normalise(Normalisation.PercentileRank(), x));
        Assert.Equal([0.0, 1, 1, 3, N], Normalise(Normalisation.Borda(), x));
    }

    [Fact]
    public void Rank_LowerIsBetter_RanksTheSmallestValueHighest()
    {
        Assert.Equal([4.0, 2, 2, 1], Normalise(Normalisation.Rank(), [10, 20, 20, 30], CompositeNode.Indicator("x", "I", direction: -1)));
    }

    [Fact]
    public void Goalposts_TruncatedAndScaled_MapTheGoalpostsToZeroAndScale()
    {
        // Goalposts 0 and 50: 10 → 0.2, 25 → 0.5, 60 → 1.2 truncated to 1, −5 → −0.1 truncated to 0; × 100.
        var node = CompositeNode.Indicator("x", "I") with { GoalpostLow = 0, GoalpostHigh = 50 };
        Assert.Equal([20.0, 50, 100, 0], Normalise(Normalisation.Goalposts(100), [10, 25, 60, -5], node), new ToleranceComparer(1e-12));
        Assert.Equal([0.2, 0.5, 1.2, -0.1], Normalise(Normalisation.Goalposts(truncate: false), [10, 25, 60, -5], node), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Goalposts_LowerIsBetter_ScoresFromTheUpperGoalpost()
    {
        // Lower is better with goalposts 0 and 50: (50 − x) / 50 → 10 gives 0.8.
        var node = CompositeNode.Indicator("x", "I", direction: -1) with { GoalpostLow = 0, GoalpostHigh = 50 };
        Assert.Equal([0.8, 0, 1], Normalise(Normalisation.Goalposts(), [10, 50, 0], node), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Goalposts_IndicatorWithoutGoalposts_FailsListingIt()
    {
        var e = Assert.Throws<DefinitionException>(() => Normalise(Normalisation.Goalposts(), [1, 2]));
        Assert.Contains("missing for: x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinMax_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Normalise(Normalisation.MinMax(5, 5), [1, 2]));
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
