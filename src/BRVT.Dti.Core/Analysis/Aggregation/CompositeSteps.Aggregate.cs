using System.Globalization;

namespace BRVT.Dti.Analysis;

public static partial class CompositeSteps
{
    /// <summary>
    /// Computes every aggregate of the structure, level by level from the indicators up to the index. Each aggregate is
    /// the weighted mean of its children that have a value, weights re-normalised over them (Σ wᵢxᵢ / Σ wᵢ over present
    /// children); children with weight 0 take no part. It has no value when fewer than
    /// <see cref="AggregationOptions.MinDataShare"/> of its children have one. Sums run in the structure's child order.
    /// </summary>
    /// <param name="normalised">The normalised indicators (a column for every indicator of the structure).</param>
    /// <param name="structure">The tree and its weights.</param>
    /// <param name="options">The mean and the data threshold.</param>
    /// <returns>A matrix with one column per aggregate (bottom-up order, the index last) and the report.</returns>
    /// <exception cref="KeyNotFoundException">An indicator of the structure is not a column.</exception>
    public static StepResult<AggregationReport> Aggregate(IndicatorMatrix normalised, CompositeStructure structure, AggregationOptions options)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var leaves = structure.LeafCodes;
        var values = new double[leaves.Length + structure.AggregateCodes.Length][];
        for (var l = 0; l < leaves.Length; l++)
        {
            values[l] = normalised.ColumnArray(Require(normalised, leaves[l]));
        }

        var units = normalised.UnitArray;
        var missing = new List<CellChange>();
        var kind = options.Kind;
        for (var a = 0; a < structure.ChildRefs.Length; a++)
        {
            var children = structure.ChildRefs[a];
            var result = new double[units.Length];
            var total = children.Count(c => structure.Weights[c] > 0);
            for (var u = 0; u < units.Length; u++)
            {
                double num = 0, den = 0;
                var present = 0;
                bool zero = false, negative = false;
                foreach (var c in children)
                {
                    var w = structure.Weights[c];
                    var x = values[c][u];
                    if (double.IsNaN(x) || !(w > 0))
                    {
                        continue;
                    }

                    present++;
                    num += AggregationKernel.Transform(kind, x) * w;
                    den += w;
                    zero |= AggregationKernel.IsZero(kind, x);
                    negative |= AggregationKernel.IsNegative(kind, x);
                }

                var code = structure.AggregateCodes[a];
                if (!AggregationKernel.EnoughData(present, total, options.MinDataShare))
                {
                    result[u] = double.NaN;
                    missing.Add(new CellChange(units[u], code, double.NaN, double.NaN, string.Create(
                        CultureInfo.InvariantCulture,
                        $"{present} of {total} children have a value, below the required share {options.MinDataShare}")));
                    continue;
                }

                result[u] = AggregationKernel.Finish(kind, num, den, zero, negative);
                if (negative)
                {
                    missing.Add(new CellChange(units[u], code, double.NaN, double.NaN, $"a child is negative: the {kind} mean is undefined"));
                }
            }

            values[leaves.Length + a] = result;
        }

        var aggregated = normalised.WithColumns(structure.AggregateCodes, values[leaves.Length..]);
        return new(aggregated, new AggregationReport(options, missing.AsReadOnly()));
    }
}
