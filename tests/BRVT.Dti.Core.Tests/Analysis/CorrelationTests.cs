using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Tests.Analysis;

public sealed class CorrelationTests
{
    [Fact]
    public void Pearson_KnownVectors_GivesOneMinusOneAndXAgainstXSquared()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1, CorrelationAnalysis.Pearson(x, [2.0, 4, 6, 8, 10]), 12);
        Assert.Equal(-1, CorrelationAnalysis.Pearson(x, [5.0, 4, 3, 2, 1]), 12);
        // Against x²: Σdxdy = 60, Σdx² = 10, Σdy² = 374 → 60 / √3740 = 0.981105.
        Assert.Equal(60 / Math.Sqrt(3740), CorrelationAnalysis.Pearson(x, [1.0, 4, 9, 16, 25]), 12);
    }

    [Fact]
    public void Spearman_MonotoneAndTied_UsesMeanRanks()
    {
        Assert.Equal(1, CorrelationAnalysis.Spearman([1.0, 2, 3, 4, 5], [1.0, 4, 9, 16, 25]), 12);
        // x ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5 / √22.5 = 0.948683.
        Assert.Equal(4.5 / Math.Sqrt(22.5), CorrelationAnalysis.Spearman([1.0, 2, 2, 3], [1.0, 2, 3, 4]), 12);
    }

    [Fact]
    public void Pearson_MissingValues_UsesCompletePairsOnly()
    {
        Assert.Equal(1, CorrelationAnalysis.Pearson([1.0, double.NaN, 3, 4], [2.0, 100, double.NaN, 8]), 12);
        Assert.True(double.IsNaN(CorrelationAnalysis.Pearson([1.0, 1, 1], [1.0, 2, 3])));
    }

    [Fact]
    public void Analyse_Asem_CorrelatesEveryNodeWithItsParentAndSiblings()
    {
        var result = new CompositePipelineBuilder(ReferenceData.AsemStructure).Build().Run(ReferenceData.AsemData);
        var entries = CorrelationAnalysis.Analyse(result);
        // 49 indicators + 10 aggregates have a parent; siblings: pillars of 8, 5, 3, 6, 8, 5, 9, 5 indicators,
        // 5 and 3 pillars, 2 sub-indices → C(8,2)+C(5,2)+C(3,2)+C(6,2)+C(8,2)+C(5,2)+C(9,2)+C(5,2)+C(5,2)+C(3,2)+C(2,2).
        Assert.Equal(59, entries.Count(e => e.Relation == CorrelationRelation.Parent));
        Assert.Equal(28 + 10 + 3 + 15 + 28 + 10 + 36 + 10 + 10 + 3 + 1, entries.Count(e => e.Relation == CorrelationRelation.Sibling));
        var conn = entries.Single(e => e.Code == "Conn" && e.Relation == CorrelationRelation.Parent);
        Assert.Equal("Index", conn.Other);
        Assert.Equal(51, conn.Count);
        Assert.InRange(conn.Pearson, 0.5, 1);
        Assert.Equal(CorrelationAnalysis.Pearson(result.Scores("Conn"), result.Scores("Index")), conn.Pearson);
    }
}
