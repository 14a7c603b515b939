using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class ImputationTests
{
    private static readonly double N = double.NaN;

    // Group A: 1, 3, 10 and a gap (u4); group B: 5, 7 and a gap (u7); u8 has no group.
    private static readonly IndicatorMatrix Data = Matrices.WithGroup(
        "region",
        ["A", "A", "A", "A", "B", "B", "B", null],
        ("x", [1, 3, 10, N, 5, 7, N, N]));

    [Fact]
    public void Impute_GroupMedian_TakesEachGroupsMedianAndFlagsTheCells()
    {
        var step = CompositeSteps.Impute(Data, ImputationOptions.GroupMedian("region"));
        var x = step.Matrix.Column("x").ToArray();
        Assert.Equal(3, x[3]); // median of 1, 3, 10
        Assert.Equal(6, x[6]); // median of 5, 7
        Assert.True(double.IsNaN(x[7]));
        Assert.Equal(["u4", "u7"], step.Report.Imputed.Select(c => c.Unit));
        Assert.True(step.Report.IsImputed("u4", "x"));
        Assert.False(step.Report.IsImputed("u1", "x"));
        Assert.Equal("group median of region = A over 3 units", step.Report.Imputed[0].Reason);
        var left = Assert.Single(step.Report.StillMissing);
        Assert.Equal("u8", left.Unit);
        Assert.Equal("the unit has no region", left.Reason);
    }

    [Fact]
    public void Impute_GroupMean_TakesEachGroupsMean()
    {
        var x = CompositeSteps.Impute(Data, ImputationOptions.GroupMean("region")).Matrix.Column("x").ToArray();
        Assert.Equal(14.0 / 3, x[3], 12);
        Assert.Equal(6, x[6]);
    }

    [Fact]
    public void Impute_OverallMeanAndMedian_UseEveryUnitWithAValue()
    {
        // Present: 1, 3, 10, 5, 7 → mean 26/5 = 5.2, median 5.
        var mean = CompositeSteps.Impute(Data, ImputationOptions.Mean()).Matrix.Column("x").ToArray();
        var median = CompositeSteps.Impute(Data, ImputationOptions.Median()).Matrix.Column("x").ToArray();
        Assert.Equal([5.2, 5.2, 5.2], new[] { mean[3], mean[6], mean[7] });
        Assert.Equal([5.0, 5, 5], new[] { median[3], median[6], median[7] });
    }

    [Fact]
    public void Impute_GroupWithNoValue_LeavesTheCellMissingWithAReason()
    {
        var m = Matrices.WithGroup("g", ["A", "B", "B"], ("x", [1, N, N]));
        var step = CompositeSteps.Impute(m, ImputationOptions.GroupMean("g"));
        Assert.Empty(step.Report.Imputed);
        Assert.All(step.Report.StillMissing, c => Assert.Equal("no unit with g = B has a value", c.Reason));
    }

    [Fact]
    public void Impute_None_ReportsEveryMissingCellAndChangesNothing()
    {
        var step = CompositeSteps.Impute(Data, ImputationOptions.None);
        Assert.Same(Data, step.Matrix);
        Assert.Equal(3, step.Report.StillMissing.Count);
    }

    [Fact]
    public void Impute_GroupMethodWithoutGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => CompositeSteps.Impute(Data, new ImputationOptions { Method = ImputationMethod.GroupMean }));
    }
}
