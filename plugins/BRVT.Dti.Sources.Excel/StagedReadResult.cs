using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Excel;

/// <summary>What <see cref="WorkbookReader.ReadBothStagesAsync"/> returns: both stages' values paired, and the account of every cell of both stages.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Pairs">One pair per unit and measure that has at least one accepted value, in reading order.</param>
/// <param name="Account">The account of the value cells of both stages: each read cell is accepted or rejected with its location.</param>
public sealed record StagedReadResult(IReadOnlyList<StagePair> Pairs, SourceAccount Account);
