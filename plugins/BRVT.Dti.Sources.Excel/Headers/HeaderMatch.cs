namespace BRVT.Dti.Sources.Excel.Headers;

/// <summary>Where a table's header is: its (last) row and the column of each configured header name.</summary>
/// <param name="Row">The header's last row; data starts below it.</param>
/// <param name="Columns">Configured header name → column number.</param>
internal sealed record HeaderMatch(int Row, IReadOnlyDictionary<string, int> Columns);
