namespace BRVT.Dti.Data;

/// <summary>
/// The account a data source gives of what it read: every row read is either accepted or rejected with its reason,
/// so <see cref="RowsRead"/> = <see cref="RowsAccepted"/> + the number of <see cref="Rejected"/> rows.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Source">The source's name.</param>
/// <param name="RowsRead">Rows (records, cells) read.</param>
/// <param name="RowsAccepted">Rows accepted.</param>
/// <param name="Rejected">The rows rejected, each with its location and reason.</param>
public sealed record SourceAccount(string Source, long RowsRead, long RowsAccepted, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>Whether the account balances: every row read is accepted or rejected.</summary>
    public bool Balances => RowsRead == RowsAccepted + Rejected.Count;
}
