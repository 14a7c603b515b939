using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class DenominationTests
{
    [Fact]
    public void Denominate_ByPopulation_DividesAndReportsZeroAndMissingDenominators()
    {
        var m = Matrices.Of(("flights", [10, 20, 30, 40]), ("pop", [2, 0, double.NaN, 8]));
        var step = CompositeSteps.Denominate(m, [KeyValuePair.Create("flights", "pop")]);
        var x = step.Matrix.Column("flights").ToArray();
        Assert.Equal(5, x[0]);
        Assert.True(double.IsNaN(x[1]));
        Assert.True(double.IsNaN(x[2]));
        Assert.Equal(5, x[3]);
        Assert.Equal("pop", step.Report.Denominators["flights"]);
        Assert.Equal(["u2", "u3"], step.Report.Cells.Select(c => c.Unit));
        Assert.Contains("zero", step.Report.Cells[0].Reason, StringComparison.Ordinal);
        Assert.Equal(20, step.Report.Cells[0].Before);
        // The input is unchanged.
        Assert.Equal(20, m.Value("u2", "flights"));
    }

    [Fact]
    public void Denominate_FromStructure_UsesEachIndicatorsDenominator()
    {
        var s = Matrices.Flat(CompositeNode.Indicator("a", "I") with { Denominator = "area" }, CompositeNode.Indicator("b", "I"));
        var m = Matrices.Of(("a", [100, 50]), ("b", [1, 2]), ("area", [4, 5]));
        var step = CompositeSteps.Denominate(m, s);
        Assert.Equal([25.0, 10], step.Matrix.Column("a").ToArray());
        Assert.Equal([1.0, 2], step.Matrix.Column("b").ToArray());
    }

    [Fact]
    public void Denominate_UnknownDenominator_Throws()
    {
        var m = Matrices.Of(("a", [1.0]));
        Assert.Throws<KeyNotFoundException>(() => CompositeSteps.Denominate(m, [KeyValuePair.Create("a", "nope")]));
    }
}
