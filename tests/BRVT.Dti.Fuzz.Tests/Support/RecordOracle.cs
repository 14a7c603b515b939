using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Fuzz.Tests.Support;

/// <summary>
/// The oracles' own aggregation of raw records into derived measures (independent of Core's RecordAggregator and of
/// the SQL the plugins write): filters evaluated with the formula evaluator, a record passing when the filter's value
/// is neither 0 nor missing; missing field values skipped by the aggregates.
/// </summary>
internal static class RecordOracle
{
    public static Formula? Parse(string? text) => text is null ? null : Formula.Parse(text).Formula ?? throw new InvalidOperationException($"the generator wrote a filter that does not parse: {text}");

    /// <summary>The aggregate of a unit's accepted records, and the scale of its rounding error (the sum of the magnitudes added).</summary>
    public static (double Value, double Scale) Aggregate(MeasureDerivation derivation, Formula? filter, Formula? denominator, string[] fields, List<double[]> records)
    {
        bool Passes(Formula? formula, double[] record)
        {
            if (formula is null)
            {
                return true;
            }

            var values = formula.Variables.Select(v => record[Array.IndexOf(fields, v)]).ToArray();
            var result = formula.Evaluate(values);
            return result != 0 && !double.IsNaN(result);
        }

        var passing = records.Where(r => Passes(filter, r)).ToList();
        if (derivation.Function == "count")
        {
            return (passing.Count, 0);
        }

        if (derivation.Function == "ratio")
        {
            var denominatorRecords = records.Where(r => Passes(denominator, r)).ToList();
            return (denominatorRecords.Count == 0 ? double.NaN : (double)denominatorRecords.Count(r => Passes(filter, r)) / denominatorRecords.Count, 0);
        }

        var index = Array.IndexOf(fields, derivation.Field);
        var present = passing.Select(r => r[index]).Where(v => !double.IsNaN(v)).ToList();
        var scale = present.Sum(Math.Abs);
        return derivation.Function switch
        {
            "sum" => (present.Sum(), scale),
            "mean" => (present.Count == 0 ? double.NaN : present.Sum() / present.Count, present.Count == 0 ? 0 : scale / present.Count),
            "min" => (present.Count == 0 ? double.NaN : present.Min(), 0),
            _ => (present.Count == 0 ? double.NaN : present.Max(), 0),
        };
    }
}
