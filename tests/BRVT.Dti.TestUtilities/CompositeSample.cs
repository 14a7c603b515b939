using BRVT.Dti.Analysis;
using FsCheck;
using FsCheck.Fluent;

namespace BRVT.Dti.TestUtilities;

/// <summary>
/// A random composite index and data for the columnar fast path: 1–14 indicators under 1–4 pillars under 1–2
/// sub-indices under one index (some weights 0, some directions −1, goalposts around the data), 1–2600 units with
/// about one value in seven missing, some indicators wholly missing, some on a coarse grid (many ties), and a
/// normalisation (goalposts, truncated or not; min-max; none) and minimum data share.
/// </summary>
public sealed record CompositeSample(CompositeNode[] Nodes, double[][] Columns, Normalisation Normalisation, double MinDataShare)
{
    public int Units => Columns[0].Length;

    public string[] Codes => [.. Nodes.Where(n => n.IsIndicator).Select(n => n.Code)];

    public CompositeStructure Structure() => CompositeStructure.Create(Nodes);

    public CompositePipeline Pipeline() =>
        new CompositePipelineBuilder(Structure()).Normalise(Normalisation).Aggregate(AggregationKind.Arithmetic, MinDataShare).Build();

    public IndicatorMatrix ToMatrix() =>
        IndicatorMatrix.Create([.. Enumerable.Range(0, Units).Select(u => $"u{u:D4}")], Codes, Columns);

    public override string ToString() =>
        $"{Units} units, {Codes.Length} indicators, {Normalisation}, min share {MinDataShare}; weights {string.Join(" ", Nodes.Select(n => $"{n.Code}:{n.Weight}/{n.Direction}"))}";
}

/// <summary>FsCheck generators for the columnar fast path.</summary>
public static class CompositeArbitraries
{
    public static Arbitrary<CompositeSample> CompositeSample()
    {
        var weight = Gen.Frequency((1, Gen.Constant(0.0)), (6, Gen.Choose(1, 400).Select(i => i / 100.0)));
        var sample =
            from leaves in Gen.Choose(1, 14)
            from pillars in Gen.Choose(1, Math.Min(4, leaves))
            from subs in Gen.Choose(1, Math.Min(2, pillars))
            from weights in Gen.ArrayOf(weight, leaves + pillars + subs)
            from directions in Gen.ArrayOf(Gen.Elements(1, 1, -1), leaves)
            from lows in Gen.ArrayOf(Gen.Choose(-5000, 5000).Select(i => i / 100.0), leaves)
            from widths in Gen.ArrayOf(Gen.Choose(1, 20000).Select(i => i / 100.0), leaves)
            from units in Gen.Frequency((3, Gen.Choose(1, 40)), (2, Gen.Choose(41, 2600)))
            from columns in Gen.ArrayOf(Column(units), leaves)
            from normalisation in Gen.OneOf(
                from scale in Gen.Elements(1.0, 100.0, 0.3)
                from truncate in Gen.Elements(true, false)
                select Normalisation.Goalposts(scale, truncate),
                from low in Gen.Choose(-100, 100)
                from width in Gen.Choose(1, 1000)
                select Normalisation.MinMax(low, low + (width / 10.0)),
                Gen.Constant(Normalisation.None()))
            from share in Gen.Elements(0.0, 0.0, 0.5, 1.0)
            select new CompositeSample(Tree(leaves, pillars, subs, weights, directions, lows, widths), columns, normalisation, share);
        return sample.ToArbitrary();
    }

    private static Gen<double[]> Column(int units)
    {
        var fine = Gen.Frequency((1, Gen.Constant(double.NaN)), (6, Gen.Choose(-100_000, 300_000).Select(i => i / 1000.0)));
        var coarse = Gen.Frequency((1, Gen.Constant(double.NaN)), (6, Gen.Choose(0, 3).Select(i => (double)i)));
        return Gen.Frequency(
            (6, Gen.ArrayOf(fine, units)),
            (3, Gen.ArrayOf(coarse, units)),
            (1, Gen.Constant(Enumerable.Repeat(double.NaN, units).ToArray())));
    }

    private static CompositeNode[] Tree(int leaves, int pillars, int subs, double[] weights, int[] directions, double[] lows, double[] widths)
    {
        // The first child of every aggregate keeps a positive weight, so no aggregate has only zero weights.
        double W(int i, bool first) => first && weights[i] == 0 ? 1 : weights[i];
        var nodes = new List<CompositeNode>();
        for (var l = 0; l < leaves; l++)
        {
            nodes.Add(new CompositeNode($"i{l}", 1, $"p{l % pillars}")
            {
                Weight = W(l, l < pillars),
                Direction = directions[l],
                GoalpostLow = lows[l],
                GoalpostHigh = lows[l] + widths[l],
            });
        }

        for (var p = 0; p < pillars; p++)
        {
            nodes.Add(CompositeNode.Aggregate($"p{p}", 2, $"s{p % subs}", W(leaves + p, p < subs)));
        }

        for (var s = 0; s < subs; s++)
        {
            nodes.Add(CompositeNode.Aggregate($"s{s}", 3, "index", W(leaves + pillars + s, s == 0)));
        }

        nodes.Add(CompositeNode.Aggregate("index", 4, null));
        return [.. nodes];
    }
}
