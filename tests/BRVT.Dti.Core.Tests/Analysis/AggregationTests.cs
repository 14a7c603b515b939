using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class AggregationTests
{
    private static readonly double N = double.NaN;

    private static StepResult<AggregationReport> Aggregate(AggregationOptions options, CompositeStructure structure, params (string, double[])[] columns) =>
        CompositeSteps.Aggregate(Matrices.Of(columns), structure, options);

    [Fact]
    public void Aggregate_FourOfFiveMissingWithThresholdHalf_IsMissing()
    {
        // The example: one of five children present is below the 0.5 data threshold.
        var structure = Matrices.Flat("a", "b", "c", "d", "e");
        var step = Aggregate(new AggregationOptions { MinDataShare = 0.5 }, structure, ("a", [N, 10]), ("b", [N, 20]), ("c", [N, 30]), ("d", [N, 40]), ("e", [70, 50]));
        var index = step.Matrix.Column("I").ToArray();
        Assert.True(double.IsNaN(index[0]));
        Assert.Equal(30, index[1]);
        var cell = Assert.Single(step.Report.Missing);
        Assert.Equal(("u1", "I"), (cell.Unit, cell.Indicator));
        Assert.Equal("1 of 5 children have a value, below the required share 0.5", cell.Reason);
    }

    [Fact]
    public void Aggregate_MissingChild_ReNormalisesWeightsOverThePresentOnes()
    {
        // Weights 1, 2, 1; the third child is missing: (40·1 + 60·2) / (1 + 2) = 160 / 3.
        var structure = Matrices.Flat(CompositeNode.Indicator("a", "I"), CompositeNode.Indicator("b", "I", weight: 2), CompositeNode.Indicator("c", "I"));
        var step = Aggregate(new AggregationOptions(), structure, ("a", [40]), ("b", [60]), ("c", [N]));
        Assert.Equal(160.0 / 3, step.Matrix.Column("I")[0], 12);
        Assert.Empty(step.Report.Missing);
    }

    [Fact]
    public void Aggregate_GeometricAndHarmonic_KnownValuesAndZeros()
    {
        var structure = Matrices.Flat("a", "b");
        var geometric = Aggregate(new AggregationOptions { Kind = AggregationKind.Geometric }, structure, ("a", [4, 0, 5]), ("b", [16, 9, N]));
        // √(4·16) = 8; a zero child gives 0; one present child gives itself.
        Assert.Equal([8.0, 0, 5], geometric.Matrix.Column("I").ToArray(), new ToleranceComparer(1e-12));
        var harmonic = Aggregate(new AggregationOptions { Kind = AggregationKind.Harmonic }, structure, ("a", [2, 0]), ("b", [6, 9]));
        // 2 / (1/2 + 1/6) = 3; a zero child gives 0 (the limit as it tends to 0).
        Assert.Equal([3.0, 0], harmonic.Matrix.Column("I").ToArray(), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Aggregate_GeometricWithNegativeChild_IsMissingAndReported()
    {
        var step = Aggregate(new AggregationOptions { Kind = AggregationKind.Geometric }, Matrices.Flat("a", "b"), ("a", [-1]), ("b", [4]));
        Assert.True(double.IsNaN(step.Matrix.Column("I")[0]));
        Assert.Contains("negative", Assert.Single(step.Report.Missing).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_ZeroWeightChild_TakesNoPartEvenWhenZero()
    {
        var structure = Matrices.Flat(CompositeNode.Indicator("a", "I"), CompositeNode.Indicator("b", "I", weight: 0));
        var step = Aggregate(new AggregationOptions { Kind = AggregationKind.Geometric, MinDataShare = 1 }, structure, ("a", [7]), ("b", [0]));
        Assert.Equal(7, step.Matrix.Column("I")[0], 12);
    }

    [Fact]
    public void Aggregate_TwoLevels_AggregatesPillarsThenTheIndex()
    {
        // P = mean(a, b) = 30 and Q = c = 90, then the index with weights 3 (P) and 1 (Q) = (3·30 + 90) / 4 = 45.
        var structure = CompositeStructure.Create(
        [
            CompositeNode.Indicator("a", "P"), CompositeNode.Indicator("b", "P"), CompositeNode.Indicator("c", "Q"),
            CompositeNode.Aggregate("P", 2, "I", weight: 3), CompositeNode.Aggregate("Q", 2, "I"), CompositeNode.Aggregate("I", 3, null),
        ]);
        var step = Aggregate(new AggregationOptions(), structure, ("a", [20]), ("b", [40]), ("c", [90]));
        Assert.Equal(["P", "Q", "I"], step.Matrix.Indicators);
        Assert.Equal([30.0, 90, 45], step.Matrix.Indicators.Select(c => step.Matrix.Column(c)[0]));
    }
}
