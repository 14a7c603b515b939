using BRVT.Dti.Manifests;
using BRVT.Dti.Ranking;
using BRVT.Dti.Results;

namespace BRVT.Dti.Evaluation;

/// <summary>Turns evaluated scores into an immutable result: node and view scores, ranks, bands and the manifest.</summary>
internal static class ResultAssembler
{
    public static AssessmentResult Assemble(ScoringPlan plan, AssessmentData data, TreeScores scores)
    {
        var definition = plan.Definition;
        var units = data.UnitArray;
        var nodeCount = plan.Nodes.Length;
        var viewScores = ScoreViews(plan, scores, units.Length);
        var basis = RankingBasis(plan, scores, viewScores, units.Length);
        var ids = units.Select(u => u.Id).ToArray();
        var decimals = definition.Scale.Decimals;
        var tolerance = definition.Ranking.TieTolerance;

        var groupPartitions = new int[units.Length];
        var parentPartitions = new int[units.Length];
        var parentKeys = new Dictionary<(int Group, string Parent), int>();
        for (var u = 0; u < units.Length; u++)
        {
            var group = data.GroupOrdinals[u];
            var ranked = definition.Groups.Count == 0 || definition.Groups[group].Ranked;
            groupPartitions[u] = ranked ? group : -1;
            parentPartitions[u] = -1;
            if (ranked && definition.Groups.Count > 0 && definition.Groups[group].RankWithinParent && units[u].ParentId is { } parent)
            {
                if (!parentKeys.TryGetValue((group, parent), out var key))
                {
                    key = parentKeys.Count;
                    parentKeys[(group, parent)] = key;
                }

                parentPartitions[u] = key;
            }
        }

        var ranks = CompetitionRanking.Rank(basis, groupPartitions, ids, decimals, tolerance);
        var parentRanks = CompetitionRanking.Rank(basis, parentPartitions, ids, decimals, tolerance);
        var results = new UnitResult[units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            var nodeScores = new NodeScore[nodeCount];
            for (var n = 0; n < nodeCount; n++)
            {
                nodeScores[n] = scores.Score(n, u);
            }

            results[u] = new UnitResult
            {
                Unit = units[u],
                Nodes = nodeScores,
                Views = viewScores[u],
                Rank = ranks[u],
                RankWithinParent = parentRanks[u],
                Band = BandClassifier.Classify(definition.Bands, scores.Share[0][u], decimals),
            };
        }

        return new AssessmentResult
        {
            IndexId = definition.Id,
            IndexVersion = definition.Version,
            Period = data.Period,
            Nodes = plan.ResultNodes,
            Views = plan.ResultViews,
            Units = results,
            Issues = data.Issues,
            Manifest = ManifestFactory.Create(plan, data),
        };
    }

    private static NodeScore[][] ScoreViews(ScoringPlan plan, TreeScores scores, int unitCount)
    {
        var views = new NodeScore[unitCount][];
        for (var u = 0; u < unitCount; u++)
        {
            views[u] = new NodeScore[plan.ViewNodes.Length];
            for (var v = 0; v < plan.ViewNodes.Length; v++)
            {
                double points = 0, max = 0;
                var flags = ScoreFlags.None;
                var any = false;
                foreach (var n in plan.ViewNodes[v])
                {
                    var score = scores.Score(n, u);
                    if ((score.Flags & (ScoreFlags.NotApplicable | ScoreFlags.Excluded)) != 0)
                    {
                        flags |= score.Flags & ScoreFlags.Excluded;
                        continue;
                    }

                    any = true;
                    flags |= score.Flags & (ScoreFlags.Missing | ScoreFlags.IncompleteData | ScoreFlags.ZeroedMissing);
                    points += score.Points;
                    max += score.MaxPoints;
                }

                if (!any)
                {
                    views[u][v] = new NodeScore(0, 0, double.NaN, ScoreFlags.NotApplicable);
                    continue;
                }

                if ((flags & (ScoreFlags.ZeroedMissing | ScoreFlags.Excluded)) != 0)
                {
                    flags = (flags & ~(ScoreFlags.ZeroedMissing | ScoreFlags.Excluded)) | ScoreFlags.IncompleteData;
                }

                var missing = (flags & ScoreFlags.Missing) != 0;
                views[u][v] = new NodeScore(missing ? double.NaN : points, max, missing || max <= 0 ? double.NaN : points / max, flags);
            }
        }

        return views;
    }

    private static double[] RankingBasis(ScoringPlan plan, TreeScores scores, NodeScore[][] views, int unitCount)
    {
        var by = plan.Definition.Ranking.By;
        var basis = new double[unitCount];
        var view = plan.Definition.Views.Select((v, i) => (v.Id, i)).FirstOrDefault(x => x.Id == by);
        for (var u = 0; u < unitCount; u++)
        {
            basis[u] = by == "total" ? scores.Score(0, u).Value
                : view.Id is not null ? views[u][view.i].Value
                : scores.Score(plan.NodeIndex[by], u).Value;
        }

        return basis;
    }
}
