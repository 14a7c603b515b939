using System.Globalization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The steps of building a composite index (COINr's <c>Denominate</c>, <c>Screen</c>, <c>Impute</c>, <c>Treat</c>,
/// <c>Normalise</c>, <c>Aggregate</c>), each a pure function from a matrix to a new matrix and a report.
/// <see cref="CompositePipeline"/> chains them.
/// </summary>
/// <remarks>Thread-safe: no step keeps state or changes its input.</remarks>
public static partial class CompositeSteps
{
    /// <summary>
    /// Divides indicators by the denominator declared in the structure (<see cref="CompositeNode.Denominator"/>),
    /// e.g. flights per head of population: x / d. Other columns are kept as they are.
    /// </summary>
    /// <param name="matrix">The raw data, with the denominator columns.</param>
    /// <param name="structure">The structure naming each indicator's denominator.</param>
    /// <returns>The denominated matrix and the report.</returns>
    /// <exception cref="KeyNotFoundException">An indicator or a denominator is not a column of the matrix.</exception>
    public static StepResult<DenominationReport> Denominate(IndicatorMatrix matrix, CompositeStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return Denominate(matrix, structure.Nodes.Where(n => n.IsIndicator && n.Denominator is not null)
            .Select(n => KeyValuePair.Create(n.Code, n.Denominator!)));
    }

    /// <summary>Divides each listed indicator by its denominator column: x / d. A missing or zero denominator leaves no value (reported).</summary>
    /// <param name="matrix">The data, with the denominator columns.</param>
    /// <param name="denominators">Pairs of indicator code and denominator column.</param>
    /// <returns>The denominated matrix and the report.</returns>
    /// <exception cref="KeyNotFoundException">An indicator or a denominator is not a column of the matrix.</exception>
    public static StepResult<DenominationReport> Denominate(IndicatorMatrix matrix, IEnumerable<KeyValuePair<string, string>> denominators)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(denominators);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (indicator, denominator) in denominators)
        {
            pairs[indicator] = denominator;
        }

        var columns = matrix.CopyColumns();
        var cells = new List<CellChange>();
        var units = matrix.UnitArray;
        foreach (var (indicator, denominator) in pairs)
        {
            var c = Require(matrix, indicator);
            var d = matrix.ColumnArray(Require(matrix, denominator));
            var column = columns[c];
            for (var u = 0; u < column.Length; u++)
            {
                var before = column[u];
                if (double.IsNaN(before))
                {
                    continue;
                }

                if (double.IsNaN(d[u]) || d[u] == 0)
                {
                    column[u] = double.NaN;
                    cells.Add(new CellChange(units[u], indicator, before, double.NaN, double.IsNaN(d[u]) ? $"denominator {denominator} is missing" : $"denominator {denominator} is zero"));
                }
                else
                {
                    column[u] = before / d[u];
                }
            }
        }

        return new(matrix.WithColumns(matrix.CodeArray, columns), new DenominationReport(pairs.AsReadOnly(), cells.AsReadOnly()));
    }

    private static int Require(IndicatorMatrix matrix, string code)
    {
        var i = matrix.IndexOfIndicator(code);
        return i >= 0 ? i : throw new KeyNotFoundException($"The data have no column '{code}'.");
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
