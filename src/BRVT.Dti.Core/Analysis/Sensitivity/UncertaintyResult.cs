namespace BRVT.Dti.Analysis;

/// <summary>The outcome of <see cref="UncertaintyAnalysis.Run"/>: rank bands per unit and variance shares per input.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UncertaintyResult
{
    private readonly int[] ranks;
    private readonly Dictionary<string, int> unitIndex;

    internal UncertaintyResult(string target, UncertaintyOptions options, CompositeResult nominal, UnitRankBand[] units, VarianceShare[] shares, int[] ranks)
    {
        Target = target;
        Options = options;
        Nominal = nominal;
        Units = Array.AsReadOnly(units);
        VarianceShares = Array.AsReadOnly(shares);
        this.ranks = ranks;
        unitIndex = units.Select((u, i) => (u.Unit, i)).ToDictionary(x => x.Unit, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The aggregate analysed.</summary>
    public string Target { get; }

    /// <summary>The options used (replications, seed, what varied).</summary>
    public UncertaintyOptions Options { get; }

    /// <summary>The nominal run of the pipeline.</summary>
    public CompositeResult Nominal { get; }

    /// <summary>Each unit's nominal rank and rank band, in the nominal run's unit order.</summary>
    public IReadOnlyList<UnitRankBand> Units { get; }

    /// <summary>Each uncertain input's share of the rank variance.</summary>
    public IReadOnlyList<VarianceShare> VarianceShares { get; }

    /// <summary>A unit's rank in every replication (0 where it had no score).</summary>
    /// <param name="unit">The unit id.</param>
    /// <returns>One rank per replication, in replication order.</returns>
    /// <exception cref="KeyNotFoundException">No such unit.</exception>
    public ReadOnlySpan<int> ReplicationRanks(string unit) =>
        unitIndex.TryGetValue(unit, out var u)
            ? ranks.AsSpan(u * Options.Replications, Options.Replications)
            : throw new KeyNotFoundException($"No unit '{unit}'.");

    /// <summary>A unit's band.</summary>
    /// <param name="unit">The unit id.</param>
    /// <returns>The band.</returns>
    /// <exception cref="KeyNotFoundException">No such unit.</exception>
    public UnitRankBand Band(string unit) =>
        unitIndex.TryGetValue(unit, out var u) ? Units[u] : throw new KeyNotFoundException($"No unit '{unit}'.");
}
