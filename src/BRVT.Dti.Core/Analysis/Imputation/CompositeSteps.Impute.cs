using System.Globalization;

namespace BRVT.Dti.Analysis;

public static partial class CompositeSteps
{
    /// <summary>
    /// Replaces missing values indicator by indicator with the mean or median of the values present, overall or within
    /// the unit's group. A unit without a group, or a group with no value for the indicator, stays missing (reported).
    /// </summary>
    /// <param name="matrix">The indicator data.</param>
    /// <param name="options">The method and, for group methods, the group attribute.</param>
    /// <returns>The imputed matrix and the report of every imputed or still-missing cell.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="KeyNotFoundException">The group attribute is not in the matrix.</exception>
    public static StepResult<ImputationReport> Impute(IndicatorMatrix matrix, ImputationOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var units = matrix.UnitArray;
        var imputed = new List<CellChange>();
        var missing = new List<CellChange>();
        if (options.Method == ImputationMethod.None)
        {
            for (var c = 0; c < matrix.IndicatorCount; c++)
            {
                var column = matrix.ColumnArray(c);
                for (var u = 0; u < column.Length; u++)
                {
                    if (double.IsNaN(column[u]))
                    {
                        missing.Add(new CellChange(units[u], matrix.CodeArray[c], double.NaN, double.NaN, "not imputed"));
                    }
                }
            }

            return new(matrix, new ImputationReport(options, imputed.AsReadOnly(), missing.AsReadOnly()));
        }

        var grouped = options.Method is ImputationMethod.GroupMean or ImputationMethod.GroupMedian;
        var median = options.Method is ImputationMethod.Median or ImputationMethod.GroupMedian;
        var groups = grouped ? matrix.AttributeArray(options.Group!) : null;
        var columns = matrix.CopyColumns();
        for (var c = 0; c < columns.Length; c++)
        {
            var column = columns[c];
            var source = matrix.ColumnArray(c);
            var code = matrix.CodeArray[c];
            var estimates = new Dictionary<string, (double Value, int Count)>(StringComparer.Ordinal);
            for (var u = 0; u < column.Length; u++)
            {
                if (!double.IsNaN(source[u]))
                {
                    continue;
                }

                var key = grouped ? groups![u] : string.Empty;
                if (key is null)
                {
                    missing.Add(new CellChange(units[u], code, double.NaN, double.NaN, $"the unit has no {options.Group}"));
                    continue;
                }

                if (!estimates.TryGetValue(key, out var estimate))
                {
                    var members = new List<double>();
                    for (var v = 0; v < source.Length; v++)
                    {
                        if (!double.IsNaN(source[v]) && (!grouped || string.Equals(groups![v], key, StringComparison.Ordinal)))
                        {
                            members.Add(source[v]);
                        }
                    }

                    var sorted = members.ToArray();
                    Array.Sort(sorted);
                    estimate = (median ? ColumnStatistics.Median(sorted) : ColumnStatistics.Mean(sorted), sorted.Length);
                    estimates[key] = estimate;
                }

                if (estimate.Count == 0)
                {
                    missing.Add(new CellChange(units[u], code, double.NaN, double.NaN, grouped ? $"no unit with {options.Group} = {key} has a value" : "no unit has a value"));
                    continue;
                }

                column[u] = estimate.Value;
                var what = median ? "median" : "mean";
                var reason = grouped
                    ? string.Create(CultureInfo.InvariantCulture, $"group {what} of {options.Group} = {key} over {estimate.Count} units")
                    : string.Create(CultureInfo.InvariantCulture, $"{what} over {estimate.Count} units");
                imputed.Add(new CellChange(units[u], code, double.NaN, estimate.Value, reason));
            }
        }

        return new(matrix.WithColumns(matrix.CodeArray, columns), new ImputationReport(options, imputed.AsReadOnly(), missing.AsReadOnly()));
    }
}
