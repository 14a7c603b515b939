using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class OutlierTests
{
    [Fact]
    public void SkewnessAndKurtosis_KnownSample_MatchExcelSkewAndKurt()
    {
        // x = 1, 2, 3, 4, 10: mean 4, deviations -3 -2 -1 0 6; Σd² = 50, Σd³ = 180, Σd⁴ = 1394, n = 5.
        // g1 = √5·180/50^1.5 = 1.13842; G1 = g1·√(5·4)/3 = 1.2·√2 = 1.697056...
        // r = 5·1394/50² = 2.788; G2 = ((6·(2.788 − 3)) + 6)·4/(3·2) = 3.152.
        double[] x = [10, 1, 4, 2, 3];
        var sorted = ColumnStatistics.PresentSorted(x);
        Assert.Equal(1.2 * Math.Sqrt(2), ColumnStatistics.Skewness(sorted), 12);
        Assert.Equal(3.152, ColumnStatistics.Kurtosis(sorted), 12);
    }

    [Fact]
    public void SkewnessAndKurtosis_TooFewValues_AreNaN()
    {
        Assert.True(double.IsNaN(ColumnStatistics.Skewness([1.0, 2])));
        Assert.True(double.IsNaN(ColumnStatistics.Kurtosis([1.0, 2, 3])));
    }

    [Fact]
    public void TreatOutliers_OneHighOutlier_WinsorisesItToTheNextHighestValue()
    {
        // COINr's own example: 1…10, 30, 100 has skew 3.06 and kurtosis 9.74 (fails both). Winsorising 100 → 30
        // gives skew 1.71 < 2: it passes after one point.
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions());
        var line = Assert.Single(step.Report.Indicators);
        Assert.Equal(OutlierAction.Winsorised, line.Action);
        Assert.Equal(3.0632, line.SkewnessBefore, 4);
        Assert.Equal(9.7414, line.KurtosisBefore, 4);
        Assert.Equal(1.7120, line.SkewnessAfter, 4);
        Assert.Equal(1, line.WinsorisedPoints);
        Assert.True(line.PassesAfter);
        var cell = Assert.Single(step.Report.Cells);
        Assert.Equal(("u12", 100.0, 30.0), (cell.Unit, cell.Before, cell.After));
        Assert.Equal("winsorised (high outlier)", cell.Reason);
        Assert.Equal([.. x[..11], 30], step.Matrix.Column("x").ToArray());
    }

    [Fact]
    public void TreatOutliers_LowOutlier_WinsorisesTheMinimumUpwards()
    {
        double[] x = [-100, -30, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions());
        var cell = Assert.Single(step.Report.Cells);
        Assert.Equal((-100.0, -30.0), (cell.Before, cell.After));
        Assert.Equal("winsorised (low outlier)", cell.Reason);
    }

    [Fact]
    public void TreatOutliers_PassingIndicator_IsUnchanged()
    {
        double[] x = [1, 2, 3, 4, 10];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions());
        Assert.Equal(OutlierAction.Passed, step.Report.Indicators[0].Action);
        Assert.Empty(step.Report.Cells);
        Assert.Equal(x, step.Matrix.Column("x").ToArray());
    }

    [Fact]
    public void TreatOutliers_LimitReachedWithLog_LogTransformsTheOriginalValues()
    {
        // No point may be winsorised, so the failing indicator is log-transformed: ln(x − 1 + 0.01·(100 − 1)).
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions { MaxWinsorisedPoints = 0 });
        var line = step.Report.Indicators[0];
        Assert.Equal(OutlierAction.LogTransformed, line.Action);
        Assert.Equal(0, line.WinsorisedPoints);
        var y = step.Matrix.Column("x").ToArray();
        Assert.Equal(Math.Log(0.99), y[0], 12);
        Assert.Equal(Math.Log(99.99), y[9], 12);
        Assert.Equal(10, step.Report.Cells.Count);
    }

    [Fact]
    public void TreatOutliers_LimitReachedWithoutLog_KeepsWinsorisedValuesAndReportsFailure()
    {
        // Twelve ones, then 2, 50, 100 (skew 2.93, kurtosis 8.48): after one point (100 → 50) skew 2.40 and kurtosis
        // 4.35 still fail, and the log transform is off.
        double[] x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 50, 100];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions { MaxWinsorisedPoints = 1, LogTransform = false });
        var line = step.Report.Indicators[0];
        Assert.Equal(OutlierAction.WinsorisedStillFailing, line.Action);
        Assert.False(line.PassesAfter);
        Assert.Equal(1, line.WinsorisedPoints);
        Assert.Equal(2.4037, line.SkewnessAfter, 4);
        Assert.Equal(50, step.Matrix.Column("x")[14]);
    }

    [Fact]
    public void TreatOutliers_MissingValues_StayMissingAndAreIgnored()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100, double.NaN];
        var step = CompositeSteps.TreatOutliers(Matrices.Of(("x", x)), new OutlierOptions());
        Assert.True(double.IsNaN(step.Matrix.Column("x")[12]));
        Assert.Equal(1, step.Report.Indicators[0].WinsorisedPoints);
    }
}
