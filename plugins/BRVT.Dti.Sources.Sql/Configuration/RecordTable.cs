namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>
/// A table of raw records (e.g. one row per dossier) that derived measures aggregate; the aggregation runs in the
/// database, one <c>GROUP BY unit</c> query per record set.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Name">The record set's name, which derivations name in <c>records</c>.</param>
/// <param name="Table">The table.</param>
/// <param name="Unit">The column of unit ids.</param>
/// <param name="Period">The column of periods.</param>
/// <param name="Key">The column that identifies a record in locations, or <see langword="null"/> for the engine's row identifier.</param>
/// <param name="Fields">The fields filters and aggregates may read: field name → column.</param>
/// <param name="Pushdown">Whether the aggregation may run in the database (<see langword="false"/>: always row by row).</param>
/// <param name="Pointer">The JSON pointer of the record set's settings.</param>
internal sealed record RecordTable(
    string Name,
    SqlIdentifier Table,
    SqlIdentifier Unit,
    SqlIdentifier Period,
    SqlIdentifier? Key,
    IReadOnlyDictionary<string, SqlIdentifier> Fields,
    bool Pushdown,
    string Pointer);
