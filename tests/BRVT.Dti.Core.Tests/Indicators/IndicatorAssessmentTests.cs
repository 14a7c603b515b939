using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;
using BRVT.Dti.TestUtilities;
using static BRVT.Dti.TestUtilities.Observations;

namespace BRVT.Dti.Tests.Indicators;

/// <summary>Assessments with the shipped definitions on synthetic data.</summary>
public sealed class IndicatorAssessmentTests
{
    private const string Period2022 = "2022";
    private const string Period = "2023";

    // ---------------------------------------------------------------- vn-dti-province-2022

    /// <summary>
    /// Every component of main indicator k gets the same share v_k (the published main-indicator value), so each main
    /// indicator's value is v_k and the DTI must come out as published (DOMAIN.md §1).
    /// </summary>
    [Fact]
    public void Assess_Vn2022ComponentsAtPublishedMainValues_ReproducesPublishedDtiPillarsAndRanks()
    {
        var plan = IndicatorFolders.Plan("vn-dti-province-2022");
        var rows = Published();
        var units = rows.Select(r => Unit(r.Id, kind: "province")).ToList();
        var observations = new List<Observation>();
        foreach (var row in rows)
        {
            foreach (var measure in plan.Definition.Measures)
            {
                // c{k}_{j}: main indicator k; the smart city components (k = 6) are collected with some value but earn nothing.
                var main = measure.Id[1..measure.Id.IndexOf('_', StringComparison.Ordinal)];
                observations.Add(Value(row.Id, measure.Id, main == "6" ? 0.5 : row.Values[main], Period2022, "published-2022.csv"));
            }
        }

        var result = plan.Assess(units, observations, Period2022);
        Assert.Empty(result.Issues);
        var daNang = result.Units.Single(u => u.Unit.Id == "da-nang");
        Assert.Equal(0.8002, daNang.Total.Value, 0.0001);
        Assert.Equal(1000, daNang.Total.MaxPoints);

        foreach (var row in rows)
        {
            var unit = result.Units.Single(u => u.Unit.Id == row.Id);
            Assert.Equal(row.Dti, unit.Total.Value, 0.0001);
            foreach (var (main, value) in row.Values)
            {
                Assert.Equal(value, unit.Nodes[NodeIndex(result, main)].Value, 12);
            }

            var smartCity = unit.Nodes[NodeIndex(result, "6")];
            Assert.Equal(0, smartCity.Points);
            Assert.Equal(0, smartCity.MaxPoints);

            var foundation = (row.Values["1"] + row.Values["2"] + row.Values["3"] + row.Values["4"] + row.Values["5"]) * 100;
            Assert.Equal((foundation + (row.Values["7"] * 200)) / 700, unit.Views[0].Value, 12);
            Assert.Equal((foundation + (row.Values["8"] * 150)) / 650, unit.Views[1].Value, 12);
            Assert.Equal((foundation + (row.Values["9"] * 150)) / 650, unit.Views[2].Value, 12);
            Assert.Null(unit.Band);
        }

        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => result.Units.Single(u => u.Unit.Id == r.Id).Rank));
    }

    [Fact]
    public void Assess_Vn2022TwoProvincesEqualAtFourDecimals_ShareARankAndSkipTheNext()
    {
        var plan = IndicatorFolders.Plan("vn-dti-province-2022");
        double[] shares = [0.9, 0.7, 0.7, 0.5];
        var ids = shares.Select((_, i) => $"p{i}").ToArray();
        var observations = ids.SelectMany((id, i) => plan.Definition.Measures.Select(m => Value(id, m.Id, shares[i], Period2022)));
        var result = plan.Assess([.. ids.Select(id => Unit(id, kind: "province"))], observations, Period2022);
        Assert.Equal([1, 2, 2, 4], result.Units.Select(u => u.Rank));
    }

    // ---------------------------------------------------------------- brvt-agencies

    [Fact]
    public void Assess_BrvtAgencies_RanksOnlyTheGroupWithPublicServicesAndBandsEveryone()
    {
        var plan = IndicatorFolders.Plan("brvt-agencies");
        (string Id, string Group, double Quality)[] agencies =
        [
            ("so-tttt", "so-co-dvc", 1.0), ("so-tu-phap", "so-co-dvc", 0.7), ("so-xay-dung", "so-co-dvc", 0.45), ("so-y-te", "so-co-dvc", 0.0),
            ("van-phong-ubnd", "so-khong-dvc", 0.9), ("ban-dan-toc", "so-khong-dvc", 0.3),
        ];
        var units = agencies.Select(a => Unit(a.Id, kind: "agency", group: a.Group)).ToList();
        var observations = agencies.SelectMany(a => Synthetic(plan.Definition, a.Id, a.Quality));
        var result = plan.Assess(units, observations, Period);
        Assert.Empty(result.Issues);

        var online = NodeIndex(result, "6a");
        foreach (var unit in result.Units)
        {
            Assert.True(double.IsFinite(unit.Total.Value), $"{unit.Unit.Id} has no total");
            Assert.NotNull(unit.Band);
        }

        var ranked = result.Units.Where(u => u.Unit.Group == "so-co-dvc").ToList();
        var unranked = result.Units.Where(u => u.Unit.Group == "so-khong-dvc").ToList();
        Assert.Equal([1, 2, 3, 4], ranked.Select(u => u.Rank));
        Assert.All(ranked, u => Assert.Equal(1000, u.Total.MaxPoints, 9));
        Assert.All(unranked, u =>
        {
            Assert.Null(u.Rank);
            Assert.Equal(800, u.Total.MaxPoints, 9);
            Assert.True(u.Nodes[online].Flags.HasFlag(ScoreFlags.NotApplicable));
        });

        Assert.Equal(1.0, ranked[0].Total.Value, 12);
        Assert.Equal("tot", ranked[0].Band);
        Assert.Equal(0.0, ranked[3].Total.Value, 12);
        Assert.Equal("yeu", ranked[3].Band);
        Assert.True(result.Units.Select(u => u.Band).Distinct().Count() >= 3, "synthetic agencies should fall in at least three bands");
    }

    // ---------------------------------------------------------------- brvt-districts

    [Fact]
    public void Assess_BrvtDistricts_RanksByQualityAndExcludesCommuneRatiosForADistrictWithoutCommunes()
    {
        var plan = IndicatorFolders.Plan("brvt-districts");
        (string Id, double Quality)[] districts =
            [("747", 1.0), ("748", 0.8), ("754", 0.6), ("750", 0.4), ("751", 0.2), ("755", 0.7)];
        var units = districts.Select(d => Unit(d.Id, kind: "district")).ToList();
        var observations = districts
            .SelectMany(d => Synthetic(plan.Definition, d.Id, d.Quality))
            .Select(o => o.UnitId == "755" && (o.MeasureId == "communes" || o.MeasureId.StartsWith("communes_", StringComparison.Ordinal)) ? o with { Value = 0 } : o)
            .ToList();
        var result = plan.Assess(units, observations, Period);
        Assert.Empty(result.Issues);

        Assert.All(result.Units, u =>
        {
            Assert.True(double.IsFinite(u.Total.Value));
            Assert.NotNull(u.Band);
            Assert.Equal(3, u.Views.Count);
        });
        Assert.Equal([1, 2, 4, 5, 6, 3], result.Units.Select(u => u.Rank));
        Assert.Equal(1.0, result.Units[0].Total.Value, 12);

        // TX Côn Đảo [I: no communes]: the three commune ratios (25 + 35 + 35 points) are left out of its maximum, not zeroed.
        var conDao = result.Units.Single(u => u.Unit.Id == "755");
        Assert.Equal(905, conDao.Total.MaxPoints, 9);
        Assert.True(conDao.Nodes[NodeIndex(result, "3.1")].Flags.HasFlag(ScoreFlags.Excluded));
        Assert.True(result.Units.Select(u => u.Band).Distinct().Count() >= 3);
    }

    // ---------------------------------------------------------------- brvt-communes

    [Fact]
    public void Assess_BrvtCommunes_RanksProvinceWideAndWithinEachDistrict()
    {
        var plan = IndicatorFolders.Plan("brvt-communes");
        (string Id, string District, double Quality)[] communes =
        [
            ("26506", "747", 0.95), ("26509", "747", 0.55), ("26512", "747", 0.25),
            ("26560", "748", 0.85), ("26563", "748", 0.65), ("26566", "748", 0.1),
        ];
        var units = communes.Select(c => Unit(c.Id, kind: "commune", group: "cap-xa", parent: c.District)).ToList();
        var observations = communes.SelectMany(c => Synthetic(plan.Definition, c.Id, c.Quality));
        var result = plan.Assess(units, observations, Period);
        Assert.Empty(result.Issues);

        Assert.All(result.Units, u =>
        {
            Assert.True(double.IsFinite(u.Total.Value));
            Assert.NotNull(u.Band);
            Assert.NotNull(u.RankWithinParent);
        });
        Assert.Equal([1, 4, 5, 2, 3, 6], result.Units.Select(u => u.Rank));
        Assert.Equal([1, 2, 3, 1, 2, 3], result.Units.Select(u => u.RankWithinParent));
        Assert.True(result.Units.Select(u => u.Band).Distinct().Count() >= 3);
    }

    // ---------------------------------------------------------------- brvt-plan-2025

    [Fact]
    public void Assess_BrvtPlan_AgenciesAndDistrictsTrackTenTargetsAndTheProvinceTracksT6()
    {
        var plan = IndicatorFolders.Plan("brvt-plan-2025");
        UnitInfo[] units =
        [
            Unit("so-tttt", kind: "agency", group: "so-ban-nganh"),
            Unit("747", kind: "district", group: "cap-huyen"),
            Unit("brvt", kind: "province", group: "cap-tinh"),
        ];
        var observations = new List<Observation>();
        foreach (var unit in units)
        {
            for (var t = 1; t <= 11; t++)
            {
                observations.Add(Value(unit.Id, $"t{t}_num", 95, Period));
                observations.Add(Value(unit.Id, $"t{t}_den", 100, Period));
            }
        }

        var result = plan.Assess(units, observations, Period);
        Assert.Empty(result.Issues);
        var agency = result.Units[0];
        var province = result.Units[2];
        Assert.Equal(100, agency.Total.MaxPoints, 9);
        Assert.Equal(100, result.Units[1].Total.MaxPoints, 9);
        Assert.Equal(10, province.Total.MaxPoints, 9);
        Assert.True(agency.Nodes[NodeIndex(result, "T6")].Flags.HasFlag(ScoreFlags.NotApplicable));
        Assert.True(province.Nodes[NodeIndex(result, "T1")].Flags.HasFlag(ScoreFlags.NotApplicable));

        // 95%: T2, T4, T5, T7, T9, T11 met (10 each); T1, T8, T10 (100%) give 9.5; T3 (98%) gives 10 × 0.95 / 0.98.
        Assert.Equal(10, agency.Nodes[NodeIndex(result, "T2")].Points, 9);
        Assert.Equal(9.5, agency.Nodes[NodeIndex(result, "T1")].Points, 9);
        Assert.Equal(10 * 0.95 / 0.98, agency.Nodes[NodeIndex(result, "T3")].Points, 9);
        Assert.Equal((6 * 10) + (3 * 9.5) + (10 * 0.95 / 0.98), agency.Total.Points, 9);
        Assert.Equal(9.5, province.Total.Points, 9);
        Assert.All(result.Units, u => Assert.Null(u.Rank));
    }

    [Fact]
    public void Assess_BrvtPlanAtExactlyFiftyPercentOnline_DoesNotMeetTheStrictT2Target()
    {
        var plan = IndicatorFolders.Plan("brvt-plan-2025");
        var result = plan.Assess(
            [Unit("so-tttt", kind: "agency", group: "so-ban-nganh")],
            [Value("so-tttt", "t2_num", 50, Period), Value("so-tttt", "t2_den", 100, Period), Value("so-tttt", "t3_num", 98, Period), Value("so-tttt", "t3_den", 100, Period)],
            Period);
        var unit = result.Units[0];
        Assert.True(unit.Nodes[NodeIndex(result, "T2")].Points < 10, "50% does not meet '> 50%'");
        Assert.Equal(10, unit.Nodes[NodeIndex(result, "T3")].Points, 12);
    }

    // ---------------------------------------------------------------- helpers

    private static int NodeIndex(AssessmentResult result, string id) =>
        result.Nodes.Select((n, i) => (n, i)).Single(x => x.n.Id == id).i;

    /// <summary>
    /// Observations for every measure a definition's rules read, all better as <paramref name="quality"/> (0..1) grows:
    /// counts of ratios are quality × 200 over 200, yes/no is 1 / ½ / 0, band counts scale to the best band, shares are the quality.
    /// </summary>
    private static List<Observation> Synthetic(IndexDefinition definition, string unit, double quality)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var leaf in IndicatorFolders.Leaves(definition.Nodes))
        {
            var rule = leaf.Rule!;
            var p = rule.Parameters;
            switch (rule.Type)
            {
                case "boolean":
                    values.TryAdd(p.GetProperty("measure").GetString()!, quality >= 0.75 ? 1 : quality >= 0.4 ? 0.5 : 0);
                    break;
                case "ratio" or "target" when p.TryGetProperty("numerator", out var numerator):
                    values.TryAdd(p.GetProperty("denominator").GetString()!, 200);
                    values.TryAdd(numerator.GetString()!, Math.Round(quality * 200));
                    break;
                case "ratio" or "target":
                    values.TryAdd(p.GetProperty("measure").GetString()!, quality);
                    break;
                case "bands":
                    var best = p.GetProperty("bands")[0];
                    var measure = p.GetProperty("measure").GetString()!;
                    if (best.TryGetProperty("min", out var min))
                    {
                        values.TryAdd(measure, min.GetDouble() <= 1 ? quality : Math.Round(quality * min.GetDouble()));
                    }
                    else
                    {
                        values.TryAdd(measure, Math.Round((1 - quality) * 2));
                    }

                    break;
                default:
                    throw new InvalidOperationException($"The synthetic data do not know the rule '{rule.Type}' of leaf {leaf.Id}.");
            }
        }

        Assert.Equal(definition.Measures.Select(m => m.Id).Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        return [.. values.Select(kv => Value(unit, kv.Key, kv.Value, Period))];
    }

    private static List<PublishedRow> Published() =>
        [.. File.ReadAllLines(TestIndex.TestDataPath("dti-2022", "published-2022.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => new PublishedRow(
                cells[0],
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["1"] = Parse(cells[2]), ["2"] = Parse(cells[3]), ["3"] = Parse(cells[4]), ["4"] = Parse(cells[5]),
                    ["5"] = Parse(cells[6]), ["7"] = Parse(cells[7]), ["8"] = Parse(cells[8]), ["9"] = Parse(cells[9]),
                },
                Parse(cells[10])))];

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record PublishedRow(string Id, Dictionary<string, double> Values, double Dti);
}
