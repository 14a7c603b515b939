namespace BRVT.Dti.Data;

/// <summary>What a data source returns: the observations it accepted and the account of everything it read.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Observations">The accepted observations, each with its provenance.</param>
/// <param name="Account">The account of rows read, accepted and rejected.</param>
public sealed record SourceReadResult(IReadOnlyList<Observation> Observations, SourceAccount Account);
