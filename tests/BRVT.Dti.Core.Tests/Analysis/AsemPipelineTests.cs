using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Tests.Analysis;

/// <summary>
/// COINr's ASEM example end to end (51 countries, 49 indicators, 8 pillars, 2 sub-indices, 1 index). The expected ranks
/// were also reproduced by an independent re-implementation of the same steps (plain Python, no shared code).
/// </summary>
public sealed class AsemPipelineTests
{
    private static CompositeResult Run(string definition)
    {
        var json = File.ReadAllText(TestIndex.TestDataPath("asem-coinr", definition));
        var pipeline = new CompositePipelineBuilder(ReferenceData.AsemStructure).WithOptions(CompositeOptions.ParseJson(json)).Build();
        return pipeline.Run(ReferenceData.AsemData);
    }

    private static readonly string[] RawOrder =
    [
        "DEU", "GBR", "FRA", "CHE", "NLD", "SWE", "NOR", "ESP", "BEL", "DNK", "ITA", "AUT", "IRL", "FIN", "JPN", "POL", "CHN",
        "KOR", "ROU", "SVN", "CZE", "LTU", "PRT", "HRV", "HUN", "LVA", "SVK", "LUX", "SGP", "AUS", "GRC", "IND", "BGR", "EST",
        "MLT", "NZL", "IDN", "PHL", "VNM", "THA", "RUS", "CYP", "BGD", "MYS", "MMR", "PAK", "KHM", "KAZ", "LAO", "MNG", "BRN",
    ];

    private static readonly string[] TreatedOrder =
    [
        "DEU", "GBR", "FRA", "CHE", "NLD", "SWE", "NOR", "ITA", "ESP", "BEL", "DNK", "AUT", "JPN", "IRL", "POL", "KOR", "FIN",
        "CHN", "ROU", "CZE", "SVN", "LTU", "PRT", "HUN", "HRV", "AUS", "LUX", "SGP", "SVK", "LVA", "IND", "GRC", "BGR", "MLT",
        "EST", "NZL", "IDN", "THA", "RUS", "VNM", "PHL", "CYP", "MYS", "BGD", "MMR", "PAK", "KAZ", "KHM", "MNG", "LAO", "BRN",
    ];

    [Fact]
    public void Run_RawMinMaxArithmetic_TopSixAsRecorded()
    {
        var result = Run("raw-minmax-arithmetic.json");
        var top = result.Ranking().Take(6).Select(r => (r.Unit, Math.Round(r.Score, 4), r.Rank)).ToArray();
        Assert.Equal(
        [
            ("DEU", 75.2278, 1), ("GBR", 68.9363, 2), ("FRA", 65.9181, 3), ("CHE", 62.6059, 4), ("NLD", 61.2438, 5), ("SWE", 60.5932, 6),
        ], top.Select(t => (t.Unit, t.Item2, t.Rank!.Value)));
    }

    [Fact]
    public void Run_RawMinMaxArithmetic_EveryRankAsRecorded()
    {
        var result = Run("raw-minmax-arithmetic.json");
        Assert.Equal(51, result.UnitIds.Count);
        Assert.Equal(RawOrder, result.Ranking().Select(r => r.Unit));
        Assert.Equal(Enumerable.Range(1, 51), result.Ranking().Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Run_RawMinMaxArithmetic_PillarAndIndexMatchHandComputation()
    {
        var result = Run("raw-minmax-arithmetic.json");
        // Political = mean of Embs, IGOs, UNVote, min-max over the 51 countries. DEU: Embs 100 (the maximum, shared
        // with FRA, GBR, CHN) → 100; IGOs 309 in 82 (LAO) … 329 (FRA) → 227/247·100 = 91.90283; UNVote 42.62615 in
        // 35.75572 (MMR) … 43.18605 (PRT) → 92.46470. Mean: 94.78918.
        Assert.Equal((100 + (227.0 / 247 * 100) + 92.46469801725964) / 3, result.Score("DEU", "Political"), 9);
        // The index is the plain mean of its two sub-indices, each the plain mean of its pillars.
        var conn = new[] { "Physical", "ConEcFin", "Political", "Instit", "P2P" }.Average(p => result.Score("DEU", p));
        var sust = new[] { "Environ", "Social", "SusEcFin" }.Average(p => result.Score("DEU", p));
        Assert.Equal(conn, result.Score("DEU", "Conn"), 9);
        Assert.Equal((conn + sust) / 2, result.Score("DEU", "Index"), 9);
        // Direction −1: the cheapest country to import to and export from scores 100 on CostImpEx.
        var cost = ReferenceData.AsemData.Column("CostImpEx").ToArray();
        var cheapest = ReferenceData.AsemData.UnitIds[Array.IndexOf(cost, cost.Where(v => !double.IsNaN(v)).Min())];
        Assert.Equal(100, result.Score(cheapest, "CostImpEx"));
    }

    [Fact]
    public void Run_RawMinMaxArithmetic_MissingIndicatorsAreSkippedNotZeroed()
    {
        var result = Run("raw-minmax-arithmetic.json");
        // ITA has no Poverty value: Social is the mean of its other eight indicators.
        var social = ReferenceData.AsemStructure.Children("Social").Where(c => c != "Poverty").Average(c => result.Score("ITA", c));
        Assert.True(double.IsNaN(result.Score("ITA", "Poverty")));
        Assert.Equal(social, result.Score("ITA", "Social"), 9);
        Assert.Null(result.Imputation);
        Assert.Empty(result.Aggregation.Missing);
    }

    [Fact]
    public void Run_GroupMeanImputationAndWinsorisation_TopSixAsRecorded()
    {
        var result = Run("imputed-winsorised.json");
        var top = result.Ranking().Take(6).Select(r => (r.Unit, Math.Round(r.Score, 4), r.Rank!.Value)).ToArray();
        Assert.Equal(
        [
            ("DEU", 78.9552, 1), ("GBR", 72.1537, 2), ("FRA", 70.2670, 3), ("CHE", 65.1038, 4), ("NLD", 64.2594, 5), ("SWE", 60.9529, 6),
        ], top);
        Assert.Equal(TreatedOrder, result.Ranking().Select(r => r.Unit));
        Assert.Equal(Enumerable.Range(1, 51), result.Ranking().Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Run_GroupMeanImputation_ImputesAll63CellsFromTheUnitsRegion()
    {
        var result = Run("imputed-winsorised.json");
        var report = result.Imputation!;
        Assert.Equal(63, report.Imputed.Count);
        Assert.Empty(report.StillMissing);
        Assert.Equal(0, result.Imputed.CountMissing());
        // ITA's Poverty is the mean of the 29 other European countries' values.
        var italy = report.Imputed.Single(c => c.Unit == "ITA" && c.Indicator == "Poverty");
        var europe = ReferenceData.AsemData.Attribute("EurAsia_group");
        var poverty = ReferenceData.AsemData.Column("Poverty").ToArray();
        var expected = poverty.Where((v, u) => europe[u] == "Europe" && !double.IsNaN(v)).Average();
        Assert.Equal(expected, italy.After, 12);
        Assert.Equal("group mean of EurAsia_group = Europe over 29 units", italy.Reason);
        Assert.True(report.IsImputed("ITA", "Poverty"));
    }

    [Fact]
    public void Run_Winsorisation_TwentyIndicatorsThirtyTwoPointsNoLogTransform()
    {
        var result = Run("imputed-winsorised.json");
        var report = result.Outliers!;
        var treated = report.Indicators.Where(t => t.Action != OutlierAction.Passed).ToList();
        Assert.Equal(
            ["Flights", "Bord", "Elec", "Gas", "Goods", "FDI", "ForPort", "CostImpEx", "Tariff", "StMob", "Research", "Pat",
             "CultServ", "CultGood", "Tourist", "Forest", "Poverty", "NGOs", "FemLab", "PubDebt"],
            treated.Select(t => t.Indicator));
        Assert.All(treated, t => Assert.Equal(OutlierAction.Winsorised, t.Action));
        Assert.All(treated, t => Assert.True(t.PassesAfter));
        Assert.Equal(32, report.Cells.Count);
        Assert.Equal(32, treated.Sum(t => t.WinsorisedPoints));
        // Every winsorised cell now holds a value another unit has.
        foreach (var cell in report.Cells)
        {
            var column = result.Imputed.Column(cell.Indicator).ToArray();
            Assert.Contains(cell.After, column);
            Assert.Equal(cell.After, result.Treated.Value(cell.Unit, cell.Indicator));
        }
    }

    [Fact]
    public void Uncertainty_RecordedAsemRun_BandsAndSharesAsRecorded()
    {
        // docs/composite-methods.md, run 3: min-max onto 1..100 (the ranks of run 1), 10 000 replications, seed 1.
        var pipeline = new CompositePipelineBuilder(ReferenceData.AsemStructure).Normalise(Normalisation.MinMax(1, 100)).Build();
        Assert.Equal(RawOrder, pipeline.Run(ReferenceData.AsemData).Ranking().Select(r => r.Unit));
        var result = UncertaintyAnalysis.Run(pipeline, ReferenceData.AsemData, new UncertaintyOptions
        {
            Replications = 10_000,
            Seed = 1,
            WeightPerturbation = 0.25,
            ExcludeIndicators = true,
            ImputationChoices = [ImputationOptions.None, ImputationOptions.GroupMean("EurAsia_group")],
            NormalisationChoices = [Normalisation.MinMax(1, 100), Normalisation.Rank()],
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric],
        });
        Assert.Equal(new UnitRankBand("DEU", 1, 1, 1, 1, 1, 10_000), result.Band("DEU") with { MeanRank = 1 });
        Assert.Equal((17, 21, 12, 33), Band(result.Band("CHN")));
        Assert.Equal((39, 37, 30, 40), Band(result.Band("VNM")));
        Assert.Equal((6, 8, 5, 11), Band(result.Band("SWE")));
        var shares = result.VarianceShares.OrderByDescending(s => s.Share).Take(4).Select(s => (s.Input, Math.Round(s.Share, 3)));
        Assert.Equal([("aggregation", 0.239), ("normalisation", 0.167), ("excluded indicator", 0.048), ("weight:Conn", 0.030)], shares);

        static (int Nominal, double Median, double P5, double P95) Band(UnitRankBand b) => (b.NominalRank!.Value, b.MedianRank, b.Percentile5, b.Percentile95);
    }

    [Fact]
    public void Run_ScreeningAtNinetyPercent_ReportsTheExcludedAndRanksTheRest()
    {
        var pipeline = new CompositePipelineBuilder(ReferenceData.AsemStructure).Screen(new ScreeningOptions()).Build();
        var result = pipeline.Run(ReferenceData.AsemData);
        Assert.Equal(["BGD", "BRN", "KHM", "LAO", "MMR"], result.Screening!.Excluded.Select(e => e.Unit));
        Assert.Equal(46, result.UnitIds.Count);
        Assert.Equal(51, result.Input.UnitCount);
    }

    [Fact]
    public void Run_Denominated_DividesByTheMetaDenominators()
    {
        var pipeline = new CompositePipelineBuilder(ReferenceData.AsemStructure).Denominate().Build();
        var result = pipeline.Run(ReferenceData.AsemData);
        var data = ReferenceData.AsemData;
        Assert.Equal(data.Value("AUT", "Flights") / data.Value("AUT", "Population"), result.Input.Value("AUT", "Flights"));
        Assert.Equal(data.Value("AUT", "Goods") / data.Value("AUT", "GDP"), result.Input.Value("AUT", "Goods"));
        Assert.Equal(data.Value("AUT", "LPI"), result.Input.Value("AUT", "LPI"));
        Assert.Equal(17, result.Denomination!.Denominators.Count);
    }
}
