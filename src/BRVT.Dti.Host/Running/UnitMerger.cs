using BRVT.Dti.Data;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// Computes a merged unit the way the national DTI does for merged provinces (indicators/vn-dti-province-2025/README.md):
/// each main indicator's value is the plain mean of the members' values; its points are that mean times the
/// indicator's maximum; the total and every view are recomputed from those points. A member with no value for an
/// indicator makes the merged value incomplete (flagged), not a mean over fewer members.
/// </summary>
internal static class UnitMerger
{
    public static MergedUnit Merge(AssessmentResult result, IReadOnlyList<UnitResult> members, UnitInfo merged)
    {
        var main = result.Nodes.Select((node, index) => (node, index)).Where(x => x.node.Depth == 1).ToList();
        var indicators = main.Select(x =>
        {
            var values = members.Select(m => m.Nodes[x.index].Value).ToList();
            var complete = values.All(double.IsFinite);
            var mean = complete ? values.Average() : double.NaN;
            return new MergedIndicator(x.node, mean, mean * x.node.MaxPoints, values, complete);
        }).ToList();
        var points = indicators.Sum(i => double.IsFinite(i.Points) ? i.Points : 0);
        var max = indicators.Sum(i => i.Node.MaxPoints);
        var byId = indicators.ToDictionary(i => i.Node.Id, StringComparer.Ordinal);
        var views = result.Views.Select(view =>
        {
            var inView = view.Nodes.Select(id => byId.GetValueOrDefault(id)).ToList();
            return inView.All(i => i is not null) && view.MaxPoints > 0
                ? (view, inView.Sum(i => i!.Points) / view.MaxPoints)
                : (view, double.NaN);
        }).ToList();
        return new MergedUnit(merged, members, indicators, max > 0 ? points / max : double.NaN, points, max, views, indicators.All(i => i.Complete));
    }
}

/// <summary>A merged unit: its members, each main indicator's mean, and the total and views recomputed from them.</summary>
internal sealed record MergedUnit(
    UnitInfo Unit,
    IReadOnlyList<UnitResult> Members,
    IReadOnlyList<MergedIndicator> Indicators,
    double Value,
    double Points,
    double MaxPoints,
    IReadOnlyList<(ResultView View, double Value)> Views,
    bool Complete);

/// <summary>One main indicator of a merged unit: the members' values and their plain mean.</summary>
internal sealed record MergedIndicator(ResultNode Node, double Mean, double Points, IReadOnlyList<double> MemberValues, bool Complete);
