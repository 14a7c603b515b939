namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>A long-format table of observations: one row per unit, measure and period, with a value and optionally a stage.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Table">The table.</param>
/// <param name="Unit">The column of unit ids.</param>
/// <param name="Measure">The column of measure ids.</param>
/// <param name="Period">The column of periods.</param>
/// <param name="Value">The column of values.</param>
/// <param name="Stage">The column of stages (<c>self-assessed</c>, <c>verified</c>…), or <see langword="null"/>.</param>
/// <param name="Key">The column that identifies a row in locations, or <see langword="null"/> for the engine's row identifier.</param>
/// <param name="Pointer">The JSON pointer of the table's settings.</param>
internal sealed record ObservationTable(
    SqlIdentifier Table,
    SqlIdentifier Unit,
    SqlIdentifier Measure,
    SqlIdentifier Period,
    SqlIdentifier Value,
    SqlIdentifier? Stage,
    SqlIdentifier? Key,
    string Pointer);
