using BRVT.Dti.Data;

namespace BRVT.Dti.Sources;

/// <summary>What all the sources of a workspace returned: their observations and one account per source.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Observations">Every accepted observation, source by source in configuration order.</param>
/// <param name="Accounts">One account per source, in configuration order.</param>
public sealed record DataReadResult(IReadOnlyList<Observation> Observations, IReadOnlyList<SourceAccount> Accounts)
{
    /// <summary>Rows read by all sources.</summary>
    public long RowsRead => Accounts.Sum(a => a.RowsRead);

    /// <summary>Rows rejected by all sources.</summary>
    public long RowsRejected => Accounts.Sum(a => (long)a.Rejected.Count);
}
