using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class ScreeningTests
{
    private static readonly double N = double.NaN;

    [Fact]
    public void Screen_ThresholdEightyPercent_ExcludesTheUnitWithThreeOfFiveAndKeepsFourOfFive()
    {
        // u1 has 5 of 5 values, u2 4 of 5 (80%, exactly the threshold), u3 3 of 5 (60%).
        var m = Matrices.Of(("a", [1, 1, 1]), ("b", [1, N, 1]), ("c", [1, 1, N]), ("d", [1, 1, N]), ("e", [1, 1, 1]));
        var step = CompositeSteps.Screen(m, new ScreeningOptions { MinDataAvailability = 0.8 });
        Assert.Equal(["u1", "u2"], step.Matrix.UnitIds);
        var excluded = Assert.Single(step.Report.Excluded);
        Assert.Equal("u3", excluded.Unit);
        Assert.Equal(3, excluded.Present);
        Assert.Equal(0.6, excluded.Availability, 12);
        Assert.Equal(2, step.Report.Kept);
    }

    [Fact]
    public void Screen_AsemAtNinetyPercent_ExcludesFiveAsianUnits()
    {
        var s = TestUtilities.ReferenceData.AsemStructure;
        var step = CompositeSteps.Screen(TestUtilities.ReferenceData.AsemData.Select(s.Indicators), new ScreeningOptions());
        // BRN has 39 of 49 indicators; BGD and KHM 43; LAO and MMR 41 (< 44.1 = 90% of 49).
        Assert.Equal(["BGD", "BRN", "KHM", "LAO", "MMR"], step.Report.Excluded.Select(e => e.Unit));
        Assert.Equal([43, 39, 43, 41, 41], step.Report.Excluded.Select(e => e.Present));
        Assert.Equal(46, step.Matrix.UnitCount);
    }

    [Fact]
    public void Screen_ThresholdAboveOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CompositeSteps.Screen(Matrices.Of(("a", [1.0])), new ScreeningOptions { MinDataAvailability = 1.5 }));
    }
}
