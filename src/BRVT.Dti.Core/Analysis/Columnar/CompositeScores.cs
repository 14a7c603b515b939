using BRVT.Dti.Ranking;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The reusable output of a <see cref="CompositeKernel"/> for a fixed number of units: every aggregate's score per
/// unit and the index's competition rank, plus the scratch space evaluation needs. Create one with
/// <see cref="CompositeKernel.CreateScores"/> and pass it to every evaluation of that size: after the first, evaluating
/// touches no fresh memory.
/// </summary>
/// <remarks>Not thread-safe: one evaluation at a time per buffer. The spans it hands out are overwritten by the next evaluation.</remarks>
public sealed class CompositeScores
{
    private readonly Dictionary<string, int> aggregateIndex;

    internal CompositeScores(CompositeKernel kernel, int unitCount)
    {
        Kernel = kernel;
        UnitCount = unitCount;
        var aggregates = kernel.Structure.AggregateCodes;
        Aggregates = Array.AsReadOnly(aggregates);
        aggregateIndex = aggregates.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        Values = new double[(long)aggregates.Length * unitCount > Array.MaxLength ? throw new ArgumentOutOfRangeException(nameof(unitCount), "Too many units × aggregates for one buffer.") : aggregates.Length * unitCount];
        RankArray = new int[unitCount];
        LeafColumns = new double[kernel.LeafCount][];
        Ranges = new (double, double)[kernel.LeafCount];
        var children = kernel.Children;
        Terms = [.. children.Select(ch => new ChildTerm[ch.Length])];
        Sources = [.. children.Select(ch => new double[ch.Length][])];
        Offsets = [.. children.Select(ch => ch.Select(c => c < kernel.LeafCount ? 0 : (c - kernel.LeafCount) * unitCount).ToArray())];
        Ranker = new DescendingRanker(unitCount);
    }

    /// <summary>The number of units.</summary>
    public int UnitCount { get; }

    /// <summary>The aggregate codes, bottom-up, the index last (the order of <see cref="Scores(int)"/>).</summary>
    public IReadOnlyList<string> Aggregates { get; }

    /// <summary>The index's score per unit (NaN where it has none).</summary>
    public ReadOnlySpan<double> IndexScores => Scores(Aggregates.Count - 1);

    /// <summary>The index's standard competition rank per unit: 1 is best, tied scores share a rank, 0 for no score.</summary>
    public ReadOnlySpan<int> Ranks => RankArray;

    internal CompositeKernel Kernel { get; }

    /// <summary>Aggregate-major: aggregate a, unit u at a · units + u.</summary>
    internal double[] Values { get; }

    internal int[] RankArray { get; }

    /// <summary>The data's column of each indicator, bound at each evaluation.</summary>
    internal double[][] LeafColumns { get; }

    /// <summary>Each indicator's present range (min-max only).</summary>
    internal (double Min, double Max)[] Ranges { get; }

    /// <summary>Each aggregate's child terms (min-max only; other normalisations have fixed terms in the kernel).</summary>
    internal ChildTerm[][] Terms { get; }

    /// <summary>Each aggregate's child sources: an indicator column or <see cref="Values"/>.</summary>
    internal double[][][] Sources { get; }

    /// <summary>Where each child's unit 0 is in its source.</summary>
    internal int[][] Offsets { get; }

    internal DescendingRanker Ranker { get; }

    /// <summary>One aggregate's score per unit.</summary>
    /// <param name="aggregate">The aggregate's position in <see cref="Aggregates"/>.</param>
    /// <returns>The scores, NaN where the unit has none.</returns>
    public ReadOnlySpan<double> Scores(int aggregate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aggregate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(aggregate, Aggregates.Count);
        return Values.AsSpan(aggregate * UnitCount, UnitCount);
    }

    /// <summary>One aggregate's score per unit.</summary>
    /// <param name="aggregate">The aggregate code.</param>
    /// <returns>The scores, NaN where the unit has none.</returns>
    /// <exception cref="KeyNotFoundException">The structure has no such aggregate.</exception>
    public ReadOnlySpan<double> Scores(string aggregate) =>
        aggregateIndex.TryGetValue(aggregate, out var a) ? Scores(a) : throw new KeyNotFoundException($"The structure has no aggregate '{aggregate}'.");

    /// <summary>Points every child at its source for this evaluation's columns.</summary>
    internal void BindSources()
    {
        var children = Kernel.Children;
        var leaves = Kernel.LeafCount;
        for (var a = 0; a < children.Length; a++)
        {
            for (var k = 0; k < children[a].Length; k++)
            {
                var c = children[a][k];
                Sources[a][k] = c < leaves ? LeafColumns[c] : Values;
            }
        }
    }
}
