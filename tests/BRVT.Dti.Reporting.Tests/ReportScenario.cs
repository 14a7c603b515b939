using System.Globalization;
using BRVT.Dti.Analysis;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting.Tests;

/// <summary>
/// Realistic report content made by the real engine: the shipped brvt-agencies index, fifteen provincial agencies in
/// two groups (one ranked, one not), verified and self-assessed observations for 2023, the 2022 result, explanations
/// of every unit and rank intervals from the Monte Carlo uncertainty analysis. Nothing is hand-faked.
/// </summary>
internal static class ReportScenario
{
    public const string IndexName = "brvt-agencies";

    public static readonly (string Id, string Name, string Group, double Quality2023, double Quality2022)[] Agencies =
    [
        ("so-tttt", "Sở Thông tin và Truyền thông", "so-co-dvc", 0.95, 0.88),
        ("so-tu-phap", "Sở Tư pháp", "so-co-dvc", 0.82, 0.70),
        ("so-khdt", "Sở Kế hoạch và Đầu tư", "so-co-dvc", 0.78, 0.81),
        ("so-tai-chinh", "Sở Tài chính", "so-co-dvc", 0.71, 0.75),
        ("so-xay-dung", "Sở Xây dựng", "so-co-dvc", 0.52, 0.66),
        ("so-y-te", "Sở Y tế", "so-co-dvc", 0.63, 0.48),
        ("so-gddt", "Sở Giáo dục và Đào tạo", "so-co-dvc", 0.74, 0.62),
        ("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "so-co-dvc", 0.47, 0.52),
        ("so-tnmt", "Sở Tài nguyên và Môi trường", "so-co-dvc", 0.58, 0.44),
        ("so-gtvt", "Sở Giao thông vận tải", "so-co-dvc", 0.66, 0.69),
        ("so-cong-thuong", "Sở Công Thương", "so-co-dvc", 0.41, 0.39),
        ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "so-co-dvc", 0.35, 0.30),
        ("van-phong-ubnd", "Văn phòng UBND tỉnh", "so-khong-dvc", 0.86, 0.80),
        ("thanh-tra", "Thanh tra tỉnh", "so-khong-dvc", 0.55, 0.57),
        ("ban-dan-toc", "Ban Dân tộc", "so-khong-dvc", 0.30, 0.35),
    ];

    private static readonly Lazy<ReportContent> Full = new(() => Build(Agencies, withExtras: true));

    /// <summary>The full content: previous period, intervals, explanations and self-assessed/verified pairs.</summary>
    public static ReportContent Content => Full.Value;

    /// <summary>Content for agencies with the given names (hostile ones included), without the optional parts.</summary>
    public static ReportContent WithNames(params string[] names)
    {
        var agencies = names.Select((name, i) => (Id: $"unit-{i}", Name: name, Group: i % 3 == 2 ? "so-khong-dvc" : "so-co-dvc", Quality2023: 0.3 + (0.6 * i / names.Length), Quality2022: 0.5)).ToArray();
        return Build(agencies, withExtras: false);
    }

    private static ReportContent Build((string Id, string Name, string Group, double Quality2023, double Quality2022)[] agencies, bool withExtras)
    {
        var plan = Plan();
        var units = agencies.Select(a => new UnitInfo { Id = a.Id, Name = new LocalizedText(a.Name), Kind = "agency", Group = a.Group }).ToList();
        var verified = agencies.SelectMany((a, i) => Synthetic(plan.Definition, a.Id, a.Quality2023, "2023", "verified", seed: i)).ToList();
        var data = plan.Prepare(units, verified, "2023");
        var result = plan.Assess(data);
        if (!withExtras)
        {
            return new ReportContent { Definition = plan.Definition, Result = result };
        }

        // Self-assessments are a little more generous than what the Department verified, for some measures.
        var selfAssessed = agencies.SelectMany((a, i) => Synthetic(plan.Definition, a.Id, Math.Min(1, a.Quality2023 + 0.08), "2023", "self-assessed", seed: i)).ToList();
        var previous = plan.Assess(units, agencies.SelectMany((a, i) => Synthetic(plan.Definition, a.Id, a.Quality2022, "2022", "verified", seed: 100 + i)), "2022");
        return new ReportContent
        {
            Definition = plan.Definition,
            Result = result,
            Previous = previous,
            Explanations = [.. units.Select(u => plan.Explain(data, result, u.Id))],
            RankIntervals = Intervals(plan, result),
            Observations = [.. verified, .. selfAssessed],
        };
    }

    public static ScoringPlan Plan()
    {
        var path = Path.Combine(RepoRoot(), "indicators", IndexName, "index.json");
        var loaded = new DtiEngine().LoadDefinition(File.ReadAllText(path), path);
        return loaded.Plan ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
    }

    public static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BRVT.Dti.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BRVT.Dti.sln was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Rank intervals from the analysis library: the Monte Carlo uncertainty analysis of each ranked group (weights
    /// perturbed, indicators left out), mapped to the neutral <see cref="RankInterval"/> as the host does it.
    /// </summary>
    private static List<RankInterval> Intervals(ScoringPlan plan, AssessmentResult result) =>
        [.. AssessmentComposite.ForEachRankedGroup(plan, result)
            .SelectMany(composite => composite.RunUncertainty(new UncertaintyOptions { Replications = 400, Seed = 1, ExcludeIndicators = true }).Units)
            .Select(band => new RankInterval(band.Unit, band.Percentile5, band.MedianRank, band.Percentile95))];

    /// <summary>
    /// Observations for every measure the definition's rules read, better as <paramref name="quality"/> grows, with a
    /// per-measure variation (seeded) so that units have different profiles; each cites a cell of the workbook it came from.
    /// </summary>
    private static List<Observation> Synthetic(IndexDefinition definition, string unit, double quality, string period, string stage, int seed)
    {
        var random = new Random(seed);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        double Q() => Math.Clamp(quality + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
        foreach (var leaf in Leaves(definition.Nodes))
        {
            var rule = leaf.Rule!;
            var p = rule.Parameters;
            switch (rule.Type)
            {
                case "boolean":
                    var q = Q();
                    values.TryAdd(p.GetProperty("measure").GetString()!, q >= 0.7 ? 1 : q >= 0.4 ? 0.5 : 0);
                    break;
                case "ratio" or "target" when p.TryGetProperty("numerator", out var numerator):
                    values.TryAdd(p.GetProperty("denominator").GetString()!, 200);
                    values.TryAdd(numerator.GetString()!, Math.Round(Q() * 200));
                    break;
                case "ratio" or "target":
                    values.TryAdd(p.GetProperty("measure").GetString()!, Math.Round(Q(), 4));
                    break;
                case "bands":
                    var best = p.GetProperty("bands")[0];
                    var measure = p.GetProperty("measure").GetString()!;
                    values.TryAdd(measure, best.TryGetProperty("min", out var min)
                        ? (min.GetDouble() <= 1 ? Math.Round(Q(), 4) : Math.Round(Q() * min.GetDouble()))
                        : Math.Round((1 - Q()) * 2));
                    break;
                default:
                    throw new InvalidOperationException($"The synthetic data do not know the rule '{rule.Type}' of leaf {leaf.Id}.");
            }
        }

        var source = stage == "verified" ? $"tham-dinh-{period}.xlsx" : $"tu-danh-gia-{period}.xlsx";
        return [.. values.Select((kv, row) => new Observation(unit, kv.Key, period, kv.Value,
            new Provenance(source, string.Create(CultureInfo.InvariantCulture, $"{unit}!C{row + 7}"), stage)))];
    }

    private static IEnumerable<NodeDefinition> Leaves(IEnumerable<NodeDefinition> nodes) =>
        nodes.SelectMany(n => n.Children.Count == 0 ? [n] : Leaves(n.Children));
}
