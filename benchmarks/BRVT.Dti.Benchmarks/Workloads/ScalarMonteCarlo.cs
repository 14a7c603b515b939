using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// The plain scalar baseline of W3: replication by replication, draw every weight's multiplier in [0.75, 1.25],
/// re-aggregate every unit over the normalised matrix (weighted means over the children present), rank the index
/// with <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>; then sort each unit's ranks for its median and
/// 5th–95th percentiles.
/// </summary>
public sealed class ScalarMonteCarlo(CompositeStructure structure, double[][] normalised)
{
    private readonly string[] codes = [.. structure.Indicators.Concat(structure.Aggregates)];

    public (double Median, double P5, double P95)[] Run(int replications, int seed)
    {
        var leaves = structure.Indicators.Count;
        var units = normalised[0].Length;
        var ordinal = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var children = structure.Aggregates.Select(a => structure.Children(a).Select(c => ordinal[c]).ToArray()).ToArray();
        var baseWeights = codes.Select(c => structure[c].Weight).ToArray();
        var random = new Random(seed);
        var ranks = new int[units * replications];
        var node = new double[codes.Length];
        var index = new double[units];
        var weights = new double[codes.Length];
        for (var r = 0; r < replications; r++)
        {
            for (var n = 0; n < weights.Length; n++)
            {
                weights[n] = baseWeights[n] * (1 + (0.25 * ((2 * random.NextDouble()) - 1)));
            }

            for (var u = 0; u < units; u++)
            {
                for (var l = 0; l < leaves; l++)
                {
                    node[l] = normalised[l][u];
                }

                for (var a = 0; a < children.Length; a++)
                {
                    double num = 0, den = 0;
                    foreach (var c in children[a])
                    {
                        if (!double.IsNaN(node[c]))
                        {
                            num += node[c] * weights[c];
                            den += weights[c];
                        }
                    }

                    node[leaves + a] = den > 0 ? num / den : double.NaN;
                }

                index[u] = node[^1];
            }

            var keys = index.Select(v => -v).ToArray();
            var items = Enumerable.Range(0, units).ToArray();
            Array.Sort(keys, items);
            for (var i = 0; i < units; i++)
            {
                ranks[(items[i] * replications) + r] = i > 0 && keys[i] == keys[i - 1] ? ranks[(items[i - 1] * replications) + r] : i + 1;
            }
        }

        var bands = new (double, double, double)[units];
        for (var u = 0; u < units; u++)
        {
            var own = ranks.AsSpan(u * replications, replications).ToArray();
            Array.Sort(own);
            bands[u] = (Quantile(own, 0.5), Quantile(own, 0.05), Quantile(own, 0.95));
        }

        return bands;
    }

    private static double Quantile(int[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
