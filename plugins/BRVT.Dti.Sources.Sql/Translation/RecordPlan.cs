using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Sources.Sql.Configuration;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>
/// What a read needs from one record set: the measures derived from it, their parsed filters and the fields they
/// read. Checked before any query runs, so that a wrong derivation is a configuration error and never a query.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class RecordPlan
{
    private RecordPlan(RecordTable table, IReadOnlyList<MeasureDefinition> measures, IReadOnlyList<string> fields, IReadOnlyList<(Formula? Filter, Formula? Denominator)> filters)
    {
        Table = table;
        Measures = measures;
        Fields = fields;
        Filters = filters;
    }

    /// <summary>The record set.</summary>
    public RecordTable Table { get; }

    /// <summary>The measures derived from it, in request order.</summary>
    public IReadOnlyList<MeasureDefinition> Measures { get; }

    /// <summary>The fields the measures read (aggregated fields and filter variables), in name order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The parsed filter and denominator filter of each measure, aligned with <see cref="Measures"/>.</summary>
    public IReadOnlyList<(Formula? Filter, Formula? Denominator)> Filters { get; }

    /// <summary>Checks the derivations of the measures of one record set.</summary>
    /// <param name="table">The record set.</param>
    /// <param name="measures">The measures derived from it.</param>
    /// <param name="file">The configuration file, for messages.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DataSourceConfigurationException">A derivation is wrong or names a field the record set does not map; the pointer is the record set's.</exception>
    public static RecordPlan Create(RecordTable table, IReadOnlyList<MeasureDefinition> measures, string file)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var filters = new List<(Formula?, Formula?)>(measures.Count);
        var known = string.Join(", ", table.Fields.Keys.Order(StringComparer.Ordinal));
        foreach (var measure in measures)
        {
            var derivation = measure.Derivation!;
            if (derivation.Function is not ("count" or "sum" or "mean" or "min" or "max" or "ratio"))
            {
                throw Wrong(file, table, measure, $"its aggregate '{derivation.Function}' is unknown. Use count, sum, mean, min, max or ratio.");
            }

            if (derivation.Function is "sum" or "mean" or "min" or "max")
            {
                var field = derivation.Field ?? throw Wrong(file, table, measure, $"the aggregate '{derivation.Function}' needs a \"field\"; name the field it aggregates.");
                if (!table.Fields.ContainsKey(field))
                {
                    throw Wrong(file, table, measure, $"it aggregates the field '{field}', which is not one of the record set's fields ({known}). Add it to \"fields\" or correct the derivation.");
                }

                fields.Add(field);
            }

            var filter = Parse(file, table, measure, derivation.Filter, "filter");
            var denominator = derivation.Function == "ratio" ? Parse(file, table, measure, derivation.DenominatorFilter, "denominatorFilter") : null;
            foreach (var formula in new[] { filter, denominator })
            {
                foreach (var variable in formula?.Variables ?? [])
                {
                    if (!table.Fields.ContainsKey(variable))
                    {
                        throw Wrong(file, table, measure, $"its filter '{formula!.Text}' reads the field '{variable}', which is not one of the record set's fields ({known}). Add it to \"fields\" or correct the filter.");
                    }

                    fields.Add(variable);
                }
            }

            filters.Add((filter, denominator));
        }

        return new RecordPlan(table, measures, [.. fields], filters);
    }

    private static Formula? Parse(string file, RecordTable table, MeasureDefinition measure, string? text, string setting)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = Formula.Parse(text);
        if (parsed.Formula is { } formula)
        {
            return formula;
        }

        var error = parsed.Errors[0];
        throw Wrong(file, table, measure, string.Create(CultureInfo.InvariantCulture, $"its {setting} '{text}' is not a valid formula at column {error.Column}: {error.Message}"));
    }

    private static DataSourceConfigurationException Wrong(string file, RecordTable table, MeasureDefinition measure, string problem) =>
        new(file, table.Pointer, $"measure '{measure.Id}' is derived from record set '{table.Name}', but {problem}");
}
