namespace BRVT.Dti.Analysis;

public static partial class CompositeSteps
{
    /// <summary>
    /// Removes the units whose share of indicators with a value is below <see cref="ScreeningOptions.MinDataAvailability"/>
    /// (a unit with exactly the threshold is kept). Every column of the matrix counts.
    /// </summary>
    /// <param name="matrix">The indicator data.</param>
    /// <param name="options">The threshold.</param>
    /// <returns>The kept units and the report listing the excluded ones.</returns>
    public static StepResult<ScreeningReport> Screen(IndicatorMatrix matrix, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var total = matrix.IndicatorCount;
        var kept = new List<int>();
        var excluded = new List<ScreenedUnit>();
        for (var u = 0; u < matrix.UnitCount; u++)
        {
            var present = 0;
            for (var c = 0; c < total; c++)
            {
                present += double.IsNaN(matrix.ColumnArray(c)[u]) ? 0 : 1;
            }

            // Compare counts, not a rounded share: present / total >= threshold.
            if (present >= options.MinDataAvailability * total - 1e-9)
            {
                kept.Add(u);
            }
            else
            {
                excluded.Add(new ScreenedUnit(matrix.UnitArray[u], present, total));
            }
        }

        var result = excluded.Count == 0 ? matrix : matrix.SelectUnits([.. kept]);
        return new(result, new ScreeningReport(options.MinDataAvailability, excluded.AsReadOnly(), kept.Count));
    }
}
