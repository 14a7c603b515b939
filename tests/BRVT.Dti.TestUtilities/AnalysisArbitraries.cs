using BRVT.Dti.Analysis;
using FsCheck;
using FsCheck.Fluent;

namespace BRVT.Dti.TestUtilities;

/// <summary>Small indicator data sets: 3–30 units, 2–6 indicators, about one value in ten missing, two groups and some units without one.</summary>
public sealed record IndicatorSample(double[][] Columns, string?[] Groups, int[] Permutation)
{
    public int Units => Groups.Length;

    public string[] Codes => [.. Enumerable.Range(1, Columns.Length).Select(i => $"c{i}")];

    /// <summary>A flat structure: index "I" over c1…ck with weights 1.</summary>
    public CompositeStructure Structure() =>
        CompositeStructure.Create([.. Codes.Select(c => CompositeNode.Indicator(c, "I")), CompositeNode.Aggregate("I", 2, null)]);

    /// <summary>The matrix, with unit u named "u{u}"; when <paramref name="shuffled"/>, rows in the order of <see cref="Permutation"/>.</summary>
    public IndicatorMatrix ToMatrix(bool shuffled = false)
    {
        var order = shuffled ? Permutation : [.. Enumerable.Range(0, Units)];
        return IndicatorMatrix.Create(
            [.. order.Select(u => $"u{u}")],
            Codes,
            [.. Columns.Select(c => order.Select(u => c[u]).ToArray())],
            [KeyValuePair.Create("group", (IReadOnlyList<string?>)[.. order.Select(u => Groups[u])])]);
    }
}

/// <summary>FsCheck generators for the composite-indicator analysis.</summary>
public static class AnalysisArbitraries
{
    public static Arbitrary<IndicatorSample> IndicatorSample()
    {
        var value = Gen.Frequency(
            (1, Gen.Constant(double.NaN)),
            (9, Gen.Choose(-100_000, 100_000).Select(i => i / 100.0)));
        var member = Gen.Frequency((4, Gen.Constant<string?>("A")), (4, Gen.Constant<string?>("B")), (1, Gen.Constant<string?>(null)));
        var sample =
            from units in Gen.Choose(3, 30)
            from indicators in Gen.Choose(2, 6)
            from columns in Gen.ArrayOf(Gen.ArrayOf(value, units), indicators)
            from groups in Gen.ArrayOf(member, units)
            from permutation in Gen.Shuffle(Enumerable.Range(0, units))
            select new IndicatorSample(columns, groups, [.. permutation]);
        return sample.ToArbitrary();
    }
}
