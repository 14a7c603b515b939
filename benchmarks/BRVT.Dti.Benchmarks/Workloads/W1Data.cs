using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>
/// The W1 workload, generated from a fixed seed: 100 indicators under 9 pillars under 3 sub-indices under one index;
/// weights 0.5–2, one indicator in five with direction −1, goalposts 0–10 below and 90–100 above; values uniform in
/// −5..105 with two decimals (some beyond the goalposts, so clipping works), 5% missing.
/// </summary>
public static class W1Data
{
    public const int Indicators = 100;
    public const int Pillars = 9;
    public const int SubIndices = 3;
    public const double MissingShare = 0.05;

    public static CompositeStructure Structure(int seed = 42)
    {
        var random = new Random(seed);
        var nodes = new List<CompositeNode>();
        for (var i = 0; i < Indicators; i++)
        {
            nodes.Add(new CompositeNode(Code(i), 1, $"P{(i % Pillars) + 1}")
            {
                Weight = Math.Round(0.5 + (1.5 * random.NextDouble()), 2),
                Direction = random.Next(5) == 0 ? -1 : 1,
                GoalpostLow = 5 * random.Next(3),
                GoalpostHigh = 100 - (5 * random.Next(3)),
            });
        }

        for (var p = 0; p < Pillars; p++)
        {
            nodes.Add(CompositeNode.Aggregate($"P{p + 1}", 2, $"S{(p % SubIndices) + 1}", Math.Round(0.5 + (1.5 * random.NextDouble()), 2)));
        }

        for (var s = 0; s < SubIndices; s++)
        {
            nodes.Add(CompositeNode.Aggregate($"S{s + 1}", 3, "DTI", Math.Round(0.5 + (1.5 * random.NextDouble()), 2)));
        }

        nodes.Add(CompositeNode.Aggregate("DTI", 4, null));
        return CompositeStructure.Create(nodes);
    }

    /// <summary>The W1 pipeline: truncated goalposts onto 0..100, arithmetic means over the children present.</summary>
    public static CompositePipeline Pipeline(CompositeStructure structure) =>
        new CompositePipelineBuilder(structure).Normalise(Normalisation.Goalposts(scale: 100, truncate: true)).Aggregate(AggregationKind.Arithmetic).Build();

    public static string Code(int indicator) => $"I{indicator + 1:D3}";

    public static string UnitId(int unit) => $"U{unit + 1:D7}";

    /// <summary>One column per indicator; column c comes from its own generator (seed·1000 + c), so columns can be made in parallel.</summary>
    public static double[][] Columns(int units, int seed = 42)
    {
        var columns = new double[Indicators][];
        Parallel.For(0, Indicators, c =>
        {
            var random = new Random((seed * 1000) + c);
            var column = new double[units];
            for (var u = 0; u < units; u++)
            {
                var missing = random.NextDouble() < MissingShare;
                var value = Math.Round(-5 + (110 * random.NextDouble()), 2);
                column[u] = missing ? double.NaN : value;
            }

            columns[c] = column;
        });
        return columns;
    }

    public static IndicatorMatrix Matrix(int units, int seed = 42) =>
        IndicatorMatrix.Create([.. Enumerable.Range(0, units).Select(UnitId)], [.. Enumerable.Range(0, Indicators).Select(Code)], Columns(units, seed));
}
