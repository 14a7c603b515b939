using BRVT.Dti.Manifests;
using BRVT.Dti.Ranking;
using BRVT.Dti.Results;

namespace BRVT.Dti.Evaluation;

/// <summary>Turns an evaluated workspace into an immutable result: node and view scores, ranks, bands and the manifest.</summary>
internal static class ResultAssembler
{
    public static AssessmentResult Assemble(ScoringPlan plan, AssessmentData data, ScoringWorkspace workspace, CancellationToken cancellationToken)
    {
        var definition = plan.Definition;
        var units = data.UnitArray;
        var nodeCount = plan.Nodes.Length;
        var viewCount = plan.ViewNodes.Length;
        var results = new UnitResult[units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            if ((u & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var nodeScores = new NodeScore[nodeCount];
            for (var n = 0; n < nodeCount; n++)
            {
                nodeScores[n] = workspace.Score(n, u);
            }

            var viewScores = new NodeScore[viewCount];
            for (var v = 0; v < viewCount; v++)
            {
                viewScores[v] = workspace.ViewScore(v, u);
            }

            results[u] = new UnitResult
            {
                Unit = units[u],
                Nodes = nodeScores,
                Views = viewScores,
                Rank = workspace.Rank(u),
                RankWithinParent = workspace.RankWithinParent(u),
                Band = BandClassifier.Classify(definition.Bands, workspace.Scores.Share[0][u], definition.Scale.Decimals),
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
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
}
