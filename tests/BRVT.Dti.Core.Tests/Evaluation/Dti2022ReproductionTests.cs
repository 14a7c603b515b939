using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;

namespace BRVT.Dti.Tests.Evaluation;

/// <summary>The published DTI 2022 top five (DOMAIN.md §1) recomputed from their main-indicator values.</summary>
public sealed class Dti2022ReproductionTests
{
    private static readonly string[] Mains = ["main1", "main2", "main3", "main4", "main5", "main7", "main8", "main9"];

    private static (ScoringPlan Plan, List<Published> Rows, AssessmentResult Result) Assess()
    {
        var json = File.ReadAllText(TestIndex.TestDataPath("dti-2022", "index.json"));
        var plan = TestIndex.Compile(json);
        var rows = File.ReadAllLines(TestIndex.TestDataPath("dti-2022", "published-2022.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => new Published(cells[0], cells[1].Trim('"'), [.. cells[2..10].Select(Parse)], Parse(cells[10])))
            .ToList();
        var units = rows.Select(r => Unit(r.Id, kind: "province")).ToList();
        var observations = rows.SelectMany(r => Mains.Select((m, i) => Value(r.Id, m, r.Values[i], "2022", "published-2022.csv")));
        return (plan, rows, plan.Assess(units, observations, "2022"));
    }

    [Fact]
    public void Assess_PublishedMainIndicators_ReproducesEachPublishedDtiWithinOneTenThousandth()
    {
        var (_, rows, result) = Assess();
        foreach (var row in rows)
        {
            var unit = result.Units.Single(u => u.Unit.Id == row.Id);
            Assert.Equal(row.Dti, unit.Total.Value, 0.0001);
            Assert.Equal(1000, unit.Total.MaxPoints);
        }
    }

    [Fact]
    public void Assess_PublishedMainIndicators_RanksTheFiveInPublishedOrder()
    {
        var (_, rows, result) = Assess();
        var ranks = rows.Select(r => result.Units.Single(u => u.Unit.Id == r.Id).Rank).ToArray();
        Assert.Equal([1, 2, 3, 4, 5], ranks);
    }

    [Fact]
    public void Assess_OverlappingPillars_EqualFoundationPlusActivityOverItsMaximum()
    {
        var (_, rows, result) = Assess();
        Assert.Equal(["cqs", "kts", "xhs"], result.Views.Select(v => v.Id));
        Assert.Equal([700.0, 650.0, 650.0], result.Views.Select(v => v.MaxPoints));
        foreach (var row in rows)
        {
            var unit = result.Units.Single(u => u.Unit.Id == row.Id);
            var foundation = row.Values.Take(5).Sum() * 100;
            var expected = new[]
            {
                (foundation + (row.Values[5] * 200)) / 700,
                (foundation + (row.Values[6] * 150)) / 650,
                (foundation + (row.Values[7] * 150)) / 650,
            };
            for (var v = 0; v < 3; v++)
            {
                Assert.Equal(expected[v], unit.Views[v].Value, 12);
            }
        }
    }

    [Fact]
    public void Assess_MainIndicatorValues_ArePointsOverTheirMaximum()
    {
        var (_, rows, result) = Assess();
        var daNang = result.Units.Single(u => u.Unit.Id == "da-nang");
        var main7 = result.Nodes.Select((n, i) => (n, i)).Single(x => x.n.Id == "7").i;
        Assert.Equal(171.5, daNang.Nodes[main7].Points, 9);
        Assert.Equal(200, daNang.Nodes[main7].MaxPoints);
        Assert.Equal(rows[0].Values[5], daNang.Nodes[main7].Value, 12);
    }

    [Fact]
    public void Assess_SmartCityCollectedNotScored_EarnsNoPointsAndIsFlagged()
    {
        var (_, _, result) = Assess();
        var smartCity = result.Nodes.Select((n, i) => (n, i)).Single(x => x.n.Id == "6").i;
        Assert.Equal(0, result.Nodes[smartCity].MaxPoints);
        Assert.All(result.Units, u =>
        {
            Assert.Equal(0, u.Nodes[smartCity].Points);
            Assert.True(u.Nodes[smartCity].Flags.HasFlag(ScoreFlags.ZeroedMissing));
        });
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record Published(string Id, string Name, double[] Values, double Dti);
}
