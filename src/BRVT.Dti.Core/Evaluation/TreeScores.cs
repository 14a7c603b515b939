using BRVT.Dti.Results;

namespace BRVT.Dti.Evaluation;

/// <summary>The scores of every node for every unit, node-major, as the evaluator computes them.</summary>
internal sealed class TreeScores(int nodes, int units)
{
    /// <summary>Share of the maximum (0..1), NaN when missing or not applicable.</summary>
    public double[][] Share { get; } = Allocate(nodes, units);

    /// <summary>Capacity the node brings to its parent for this unit (0 when absent).</summary>
    public double[][] Effective { get; } = Allocate(nodes, units);

    /// <summary>Sum of the present children's effective capacities.</summary>
    public double[][] Present { get; } = Allocate(nodes, units);

    /// <summary>Maximum points of the node for this unit.</summary>
    public double[][] Max { get; } = Allocate(nodes, units);

    public ScoreFlags[][] Flags { get; } = [.. Enumerable.Range(0, nodes).Select(_ => new ScoreFlags[units])];

    public NodeScore Score(int node, int unit)
    {
        var flags = Flags[node][unit];
        var max = Max[node][unit];
        if ((flags & (ScoreFlags.NotApplicable | ScoreFlags.Excluded)) != 0)
        {
            return new NodeScore(0, 0, double.NaN, flags);
        }

        var share = Share[node][unit];
        var points = double.IsNaN(share) ? double.NaN : share * max;
        return new NodeScore(points, max, max > 0 ? share : double.NaN, flags);
    }

    private static double[][] Allocate(int nodes, int units) => [.. Enumerable.Range(0, nodes).Select(_ => new double[units])];
}
