using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// The plain scalar baseline of W1, as one would first write it: unit by unit, each aggregate bottom-up from its
/// children (goalposts with direction and truncation for indicators, missing children skipped and weights
/// re-normalised), then the index sorted with <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> for
/// competition ranks. Same operations in the same order as the library, so the same bits.
/// </summary>
public sealed class ScalarComposite
{
    private readonly int leaves;
    private readonly int[][] children;
    private readonly double[] weights;
    private readonly int[] directions;
    private readonly double[] lows;
    private readonly double[] highs;
    private readonly double scale;

    public ScalarComposite(CompositeStructure structure, double scale)
    {
        this.scale = scale;
        var codes = structure.Indicators.Concat(structure.Aggregates).ToArray();
        var ordinal = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        leaves = structure.Indicators.Count;
        children = [.. structure.Aggregates.Select(a => structure.Children(a).Select(c => ordinal[c]).ToArray())];
        weights = [.. codes.Select(c => structure[c].Weight)];
        directions = [.. structure.Indicators.Select(c => structure[c].Direction)];
        lows = [.. structure.Indicators.Select(c => structure[c].Direction == 1 ? structure[c].GoalpostLow!.Value : -structure[c].GoalpostHigh!.Value)];
        highs = [.. structure.Indicators.Select(c => structure[c].Direction == 1 ? structure[c].GoalpostHigh!.Value : -structure[c].GoalpostLow!.Value)];
    }

    /// <summary>Scores (aggregate-major) and index ranks of every unit; columns in structure indicator order.</summary>
    public (double[] Scores, int[] Ranks) Run(double[][] columns)
    {
        var units = columns[0].Length;
        var aggregates = children.Length;
        var scores = new double[aggregates * units];
        var node = new double[leaves + aggregates];
        for (var u = 0; u < units; u++)
        {
            for (var l = 0; l < leaves; l++)
            {
                var g = ((directions[l] * columns[l][u]) - lows[l]) / (highs[l] - lows[l]);
                node[l] = Math.Clamp(g, 0, 1) * scale;
            }

            for (var a = 0; a < aggregates; a++)
            {
                double num = 0, den = 0;
                foreach (var c in children[a])
                {
                    var x = node[c];
                    var w = weights[c];
                    if (double.IsNaN(x) || !(w > 0))
                    {
                        continue;
                    }

                    num += x * w;
                    den += w;
                }

                node[leaves + a] = den > 0 ? num / den : double.NaN;
                scores[(a * units) + u] = node[leaves + a];
            }
        }

        return (scores, Rank(scores.AsSpan((aggregates - 1) * units, units)));
    }

    private static int[] Rank(ReadOnlySpan<double> index)
    {
        var keys = new List<double>(index.Length);
        var items = new List<int>(index.Length);
        for (var u = 0; u < index.Length; u++)
        {
            if (!double.IsNaN(index[u]))
            {
                keys.Add(-index[u]);
                items.Add(u);
            }
        }

        var k = keys.ToArray();
        var it = items.ToArray();
        Array.Sort(k, it);
        var ranks = new int[index.Length];
        for (var i = 0; i < k.Length; i++)
        {
            ranks[it[i]] = i > 0 && k[i] == k[i - 1] ? ranks[it[i - 1]] : i + 1;
        }

        return ranks;
    }
}
