using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Tests.Analysis;

public sealed class ModelTests
{
    [Fact]
    public void ParseCsv_QuotedFieldsAndMissingMarkers_ReadsNumbersInvariantAndNaN()
    {
        var text = "id,name,x,y\r\na,\"Viet Nam, S.R.\",1.5,NA\nb,\"say \"\"hi\"\"\",,-2e3\n";
        var m = IndicatorMatrix.ParseCsv(text, "id", ["name"]);
        Assert.Equal(["a", "b"], m.UnitIds);
        Assert.Equal(["x", "y"], m.Indicators);
        Assert.Equal(["Viet Nam, S.R.", "say \"hi\""], m.Attribute("name"));
        Assert.Equal(1.5, m.Value("a", "x"));
        Assert.True(double.IsNaN(m.Value("a", "y")));
        Assert.True(double.IsNaN(m.Value("b", "x")));
        Assert.Equal(-2000, m.Value("b", "y"));
    }

    [Fact]
    public void ParseCsv_DecimalComma_FailsNamingLineAndColumn()
    {
        var e = Assert.Throws<FormatException>(() => IndicatorMatrix.ParseCsv("id,x\na,\"1,5\"\n", "id"));
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RepeatedUnit_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndicatorMatrix.Create(["a", "a"], ["x"], [new[] { 1.0, 2 }]));
    }

    [Fact]
    public void Create_CallerChangesArrayAfterwards_MatrixKeepsItsValues()
    {
        var column = new[] { 1.0, 2 };
        var m = IndicatorMatrix.Create(["a", "b"], ["x"], [column]);
        column[0] = 99;
        Assert.Equal(1, m.Value("a", "x"));
    }

    [Fact]
    public void Create_ProblemsInTree_ListsEveryProblem()
    {
        var e = Assert.Throws<DefinitionException>(() => CompositeStructure.Create(
        [
            CompositeNode.Indicator("a", "P", weight: -1),
            CompositeNode.Indicator("b", "Nowhere"),
            CompositeNode.Aggregate("P", 2, null),
            CompositeNode.Aggregate("Q", 2, null),
            new CompositeNode("c", 1, "P") { Direction = 2 },
        ]));
        Assert.Contains("'a': weight -1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b': the parent 'Nowhere' is not a node", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Q': an aggregate has no children", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 roots", e.Message, StringComparison.Ordinal);
        Assert.Contains("'c': direction 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ParentNotAboveChild_Throws()
    {
        var e = Assert.Throws<DefinitionException>(() => CompositeStructure.Create(
            [CompositeNode.Indicator("a", "P"), CompositeNode.Aggregate("P", 3, "R"), CompositeNode.Aggregate("R", 3, null)]));
        Assert.Contains("'P': the parent 'R' is at level 3, not above 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseIMetaCsv_Asem_Has49IndicatorsEightPillarsTwoSubIndicesAndOneIndex()
    {
        var s = ReferenceData.AsemStructure;
        Assert.Equal(49, s.Indicators.Count);
        Assert.Equal(11, s.Aggregates.Count);
        Assert.Equal("Index", s.Root);
        Assert.Equal(4, s.MaxLevel);
        Assert.Equal(["Conn", "Sust"], s.Children("Index"));
        Assert.Equal(["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"], s.Groups);
        Assert.Equal(["Area", "Energy", "GDP", "Population"], s.Denominators);
        Assert.Equal(-1, s["CostImpEx"].Direction);
        Assert.Equal("Population", s["Flights"].Denominator);
        Assert.Equal(4.11803135, s["LPI"].Target);
        Assert.Equal("Trade in goods", s["Goods"].Name);
    }

    [Fact]
    public void ParseCsv_AsemData_Has51UnitsAnd63MissingIndicatorCells()
    {
        var data = ReferenceData.AsemData;
        Assert.Equal(51, data.UnitCount);
        Assert.Equal(63, data.Select(ReferenceData.AsemStructure.Indicators).CountMissing());
        Assert.Equal("Asia", data.Attribute("EurAsia_group")[data.IndexOfUnit("VNM")]);
        Assert.Equal(4.097985, data.Value("AUT", "LPI"));
    }

    [Fact]
    public void EffectiveWeights_Asem_AreProductsOfNormalisedWeightsAlongThePath()
    {
        var w = ReferenceData.AsemStructure.EffectiveWeights();
        // Index → Conn (1/2) → Physical (1/5 of Conn's five pillars) → LPI (1/8 of Physical's eight indicators).
        Assert.Equal(1.0 / 2 / 5 / 8, w["LPI"], 15);
        // Sust has three pillars; Environ has five indicators.
        Assert.Equal(1.0 / 2 / 3 / 5, w["CO2"], 15);
        Assert.Equal(1, w["Index"]);
        Assert.Equal(1, ReferenceData.AsemStructure.Indicators.Sum(c => w[c]), 12);
    }
}
