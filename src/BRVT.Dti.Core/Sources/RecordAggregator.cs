using System.Buffers;
using System.Globalization;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Sources;

/// <summary>
/// Aggregates raw records (e.g. one row per dossier) into the measures whose <see cref="MeasureDerivation"/> names the
/// record set, grouped by unit, in one streaming pass with one accumulator per unit and measure (dense arrays; no
/// allocation per record). Filters are formulas over the record's numeric fields; a missing field makes a filter
/// false and is skipped by <c>sum</c>, <c>mean</c>, <c>min</c> and <c>max</c>.
/// </summary>
/// <remarks>
/// Not thread-safe: use one aggregator per reader, or one per partition and <see cref="Merge"/> them.
/// A unit with no records gets <c>count</c> and <c>sum</c> 0 and no value for the other functions.
/// </remarks>
public sealed partial class RecordAggregator
{
    private readonly Accumulator[] accumulators;
    private readonly int unitCount;

    /// <summary>Creates an aggregator.</summary>
    /// <param name="recordSet">The record set being read (a derivation's <c>records</c>).</param>
    /// <param name="measures">The measures wanted; those derived from other record sets are ignored.</param>
    /// <param name="fields">The record fields, in the order <see cref="Add"/> receives their values.</param>
    /// <param name="unitCount">The number of units (ordinals 0 to unitCount − 1).</param>
    /// <param name="limits">Formula limits for filters.</param>
    /// <exception cref="ArgumentException">A derivation names a field or function the records do not have; the message says which.</exception>
    public RecordAggregator(string recordSet, IEnumerable<MeasureDefinition> measures, IReadOnlyList<string> fields, int unitCount, FormulaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(recordSet);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfNegative(unitCount);
        this.unitCount = unitCount;
        Fields = fields;
        var fieldIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            fieldIndex.TryAdd(fields[i], i);
        }

        accumulators = [.. measures
            .Where(m => m.Derivation is { } d && string.Equals(d.Records, recordSet, StringComparison.Ordinal))
            .Select(m => new Accumulator(m, fieldIndex, unitCount, limits ?? FormulaLimits.Default))];
    }

    /// <summary>The record fields, in the order <see cref="Add"/> receives their values.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The measures this aggregator computes.</summary>
    public IReadOnlyList<MeasureDefinition> Measures => [.. accumulators.Select(a => a.Measure)];

    /// <summary>The fields the measures read (filters and aggregated fields); a reader may skip the others.</summary>
    public IReadOnlyList<string> RequiredFields =>
        [.. accumulators.SelectMany(a => a.FieldsRead).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Adds one record.</summary>
    /// <param name="unit">The unit ordinal the record belongs to.</param>
    /// <param name="values">The record's field values, aligned with <see cref="Fields"/>; NaN when empty.</param>
    public void Add(int unit, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, unitCount);
        foreach (var accumulator in accumulators)
        {
            accumulator.Add(unit, values);
        }
    }

    /// <summary>
    /// Adds many records at once, column-wise: the filters are evaluated over whole columns, then every record is added
    /// in order. The result is exactly that of calling <see cref="Add"/> for each record in turn (the same sums in the
    /// same order; formulas evaluated column-wise give the scalar evaluation's bits), in a fraction of the time.
    /// </summary>
    /// <param name="units">Each record's unit ordinal; its length is the number of records.</param>
    /// <param name="columns">One column per field, aligned with <see cref="Fields"/>, each at least as long as
    /// <paramref name="units"/> (NaN when empty); columns of fields no measure reads (<see cref="RequiredFields"/>) may be
    /// <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A required column is missing or too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A unit ordinal is out of range.</exception>
    public void AddRows(ReadOnlySpan<int> units, IReadOnlyList<double[]?> columns) => AddRows(units, columns, 0);

    /// <summary>As <see cref="AddRows(ReadOnlySpan{int}, IReadOnlyList{double[]})"/>, record r's values at position <paramref name="offset"/> + r of the columns.</summary>
    /// <param name="units">Each record's unit ordinal.</param>
    /// <param name="columns">One column per field (see the other overload), each at least offset + records long.</param>
    /// <param name="offset">Where the first record's values are in the columns.</param>
    /// <exception cref="ArgumentException">A required column is missing or too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A unit ordinal or the offset is out of range.</exception>
    public void AddRows(ReadOnlySpan<int> units, IReadOnlyList<double[]?> columns, int offset)
    {
        CheckRows(units, columns, offset);

        var scratch = units.Length <= 0 ? [] : new double[units.Length];
        var denominatorScratch = units.Length <= 0 ? [] : new double[units.Length];
        foreach (var accumulator in accumulators)
        {
            accumulator.AddRows(units, columns!, offset, scratch, denominatorScratch);
        }
    }

    /// <summary>
    /// Prepares records for <see cref="Commit"/> without changing the aggregator, on any thread: filters, counts,
    /// ratios, minima and maxima are worked out for the batch, and the values each sum or mean must add are set
    /// aside in record order. Committing the batches in the order of their records gives exactly what
    /// <see cref="Add"/> gives record by record: counts and extremes do not depend on the order, and the sums are
    /// still taken one record at a time, in order. A reader can so parse and stage chunks in parallel and commit them
    /// in file order, with only the additions of the sums left to one thread.
    /// </summary>
    /// <param name="units">Each record's unit ordinal.</param>
    /// <param name="columns">One column per field, as for <see cref="AddRows(ReadOnlySpan{int}, IReadOnlyList{double[]}, int)"/>.</param>
    /// <param name="offset">Where the first record's values are in the columns.</param>
    /// <returns>The staged batch (its size grows with the number of records and of units).</returns>
    /// <exception cref="ArgumentException">A required column is missing or too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A unit ordinal or the offset is out of range.</exception>
    public RecordBatch Stage(ReadOnlySpan<int> units, IReadOnlyList<double[]?> columns, int offset = 0)
    {
        CheckRows(units, columns, offset);

        // The batch's arrays come from the shared pool (a reader stages many large batches): the batch gives them back
        // when it is committed.
        using var scratch = new Scratch(unitCount);
        var parts = new RecordBatch.Part[accumulators.Length];
        for (var i = 0; i < accumulators.Length; i++)
        {
            parts[i] = accumulators[i].Stage(units, columns!, offset, scratch);
        }

        var copy = ArrayPool<int>.Shared.Rent(Math.Max(1, units.Length));
        units.CopyTo(copy);
        return new RecordBatch(this, copy, units.Length, parts);
    }

    /// <summary>The checks of AddRows and Stage: unit ordinals in range, columns long enough.</summary>
    private void CheckRows(ReadOnlySpan<int> units, IReadOnlyList<double[]?> columns, int offset)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        foreach (var unit in units)
        {
            if ((uint)unit >= (uint)unitCount)
            {
                throw new ArgumentOutOfRangeException(nameof(units), unit, "A unit ordinal is out of range.");
            }
        }

        foreach (var accumulator in accumulators)
        {
            accumulator.CheckColumns(columns, offset + units.Length);
        }
    }

    /// <summary>Adds a staged batch (see <see cref="Stage"/>); commit batches in the order of their records.</summary>
    /// <param name="batch">A batch staged by this aggregator, not committed before.</param>
    /// <exception cref="ArgumentException">The batch was staged by another aggregator or committed already.</exception>
    public void Commit(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!ReferenceEquals(batch.Owner, this) || batch.Committed)
        {
            throw new ArgumentException("The batch was staged by another aggregator, or was committed already.", nameof(batch));
        }

        for (var i = 0; i < accumulators.Length; i++)
        {
            accumulators[i].Commit(batch.Units.AsSpan(0, batch.Count), batch.Parts[i]);
        }

        batch.Committed = true;
        batch.ReturnArrays();
    }

    /// <summary>Adds another aggregator's records (from another partition of the same record set) to this one.</summary>
    /// <param name="other">An aggregator built with the same arguments.</param>
    public void Merge(RecordAggregator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.accumulators.Length != accumulators.Length || other.unitCount != unitCount)
        {
            throw new ArgumentException("Only aggregators built with the same record set, measures, fields and units can merge.", nameof(other));
        }

        for (var i = 0; i < accumulators.Length; i++)
        {
            accumulators[i].Merge(other.accumulators[i]);
        }
    }

    /// <summary>The value of a measure for a unit: NaN when it has none (a mean or ratio over no records).</summary>
    /// <param name="measureIndex">The measure's index in <see cref="Measures"/>.</param>
    /// <param name="unit">The unit ordinal.</param>
    /// <returns>The value.</returns>
    public double Value(int measureIndex, int unit) => accumulators[measureIndex].Value(unit);

    /// <summary>The number of records that entered a unit's value (the denominator's records for a ratio).</summary>
    /// <param name="measureIndex">The measure's index in <see cref="Measures"/>.</param>
    /// <param name="unit">The unit ordinal.</param>
    /// <returns>The count.</returns>
    public long Count(int measureIndex, int unit) => accumulators[measureIndex].Count(unit);

    private sealed partial class Accumulator
    {
        private readonly Function function;
        private readonly int field = -1;
        private readonly Formula? filter;
        private readonly int[] filterFields = [];
        private readonly Formula? denominatorFilter;
        private readonly int[] denominatorFields = [];
        private readonly Comparison? comparison;
        private readonly long[] counts;
        private readonly long[] denominators;
        private readonly double[] sums;

        public Accumulator(MeasureDefinition measure, Dictionary<string, int> fields, int units, FormulaLimits limits)
        {
            Measure = measure;
            var derivation = measure.Derivation!;
            function = derivation.Function switch
            {
                "count" => Function.Count,
                "sum" => Function.Sum,
                "mean" => Function.Mean,
                "min" => Function.Min,
                "max" => Function.Max,
                "ratio" => Function.Ratio,
                _ => throw new ArgumentException($"Measure '{measure.Id}': unknown aggregate '{derivation.Function}'. Use count, sum, mean, min, max or ratio.", nameof(measure)),
            };

            var read = new List<string>();
            if (function is Function.Sum or Function.Mean or Function.Min or Function.Max)
            {
                var name = derivation.Field ?? throw new ArgumentException($"Measure '{measure.Id}': the aggregate '{derivation.Function}' needs a field.", nameof(measure));
                field = Resolve(measure, name, fields);
                read.Add(name);
            }

            (filter, filterFields) = Compile(measure, derivation.Filter, fields, limits, read);
            (denominatorFilter, denominatorFields) = Compile(measure, derivation.DenominatorFilter, fields, limits, read);
            if (filter is not null && filter.TryComparison(out var variable, out var op, out var constant))
            {
                comparison = new Comparison(filterFields[variable], op, constant);
            }

            FieldsRead = read;
            counts = new long[units];
            denominators = new long[units];
            sums = new double[units];
            if (function is Function.Min or Function.Max)
            {
                Array.Fill(sums, double.NaN);
            }
        }

        public MeasureDefinition Measure { get; }

        public IReadOnlyList<string> FieldsRead { get; }

        public void Add(int unit, ReadOnlySpan<double> values)
        {
            if (function == Function.Ratio)
            {
                if (denominatorFilter is null || Passes(denominatorFilter, denominatorFields, values))
                {
                    denominators[unit]++;
                    if (filter is null || Passes(filter, filterFields, values))
                    {
                        counts[unit]++;
                    }
                }

                return;
            }

            if (filter is not null && !Passes(filter, filterFields, values))
            {
                return;
            }

            if (function == Function.Count)
            {
                counts[unit]++;
                return;
            }

            Fold(unit, values[field]);
        }

        /// <summary>Checks that every column this accumulator reads is there and long enough.</summary>
        public void CheckColumns(IReadOnlyList<double[]?> columns, int rows)
        {
            foreach (var f in filterFields.Concat(denominatorFields).Append(field))
            {
                if (f >= 0 && (f >= columns.Count || columns[f] is not { } column || column.Length < rows))
                {
                    throw new ArgumentException($"Measure '{Measure.Id}' reads field {f.ToString(CultureInfo.InvariantCulture)}, whose column is missing or shorter than the {rows.ToString(CultureInfo.InvariantCulture)} records.", nameof(columns));
                }
            }
        }

        /// <summary>The records of <see cref="AddRows"/>: filters column-wise into the scratch buffers, then the records in order.</summary>
        public void AddRows(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, double[] pass, double[] denominatorPass)
        {
            var rows = units.Length;
            if (filter is not null)
            {
                Evaluate(filter, filterFields, columns, offset, pass.AsSpan(0, rows));
            }

            if (function == Function.Ratio)
            {
                if (denominatorFilter is not null)
                {
                    Evaluate(denominatorFilter, denominatorFields, columns, offset, denominatorPass.AsSpan(0, rows));
                }

                for (var r = 0; r < rows; r++)
                {
                    if (denominatorFilter is null || Holds(denominatorPass[r]))
                    {
                        denominators[units[r]]++;
                        if (filter is null || Holds(pass[r]))
                        {
                            counts[units[r]]++;
                        }
                    }
                }

                return;
            }

            if (function == Function.Count)
            {
                for (var r = 0; r < rows; r++)
                {
                    if (filter is null || Holds(pass[r]))
                    {
                        counts[units[r]]++;
                    }
                }

                return;
            }

            var values = columns[field];
            for (var r = 0; r < rows; r++)
            {
                if (filter is null || Holds(pass[r]))
                {
                    Fold(units[r], values[offset + r]);
                }
            }
        }

        /// <summary>
        /// A filter over a batch: a single comparison of a field with a number directly (true where the value is finite
        /// and the comparison holds: what the formula gives, since a non-finite value is missing there), any other
        /// formula column-wise.
        /// </summary>
        private static void Evaluate(Formula formula, int[] fields, IReadOnlyList<double[]> columns, int offset, Span<double> pass)
        {
            if (!formula.TryComparison(out var variable, out var op, out var c))
            {
                formula.EvaluateFields(columns, fields, offset, pass);
                return;
            }

            var values = columns[fields[variable]].AsSpan(offset, pass.Length);
            for (var r = 0; r < pass.Length; r++)
            {
                var x = values[r];
                var holds = double.IsFinite(x) && op switch
                {
                    OpCode.Equal => x == c,
                    OpCode.NotEqual => x != c,
                    OpCode.Less => x < c,
                    OpCode.LessOrEqual => x <= c,
                    OpCode.Greater => x > c,
                    _ => x >= c,
                };
                pass[r] = holds ? 1 : 0;
            }
        }

        /// <summary>The running minimum or maximum with a present value (NaN: nothing yet).</summary>
        private double Extreme(double current, double value) =>
            double.IsNaN(current) ? value : function == Function.Min ? Math.Min(current, value) : Math.Max(current, value);

        /// <summary>Adds a present value to a unit's sum, minimum or maximum (a missing value is skipped).</summary>
        private void Fold(int unit, double value)
        {
            if (double.IsNaN(value))
            {
                return;
            }

            counts[unit]++;
            sums[unit] = function switch
            {
                Function.Min => double.IsNaN(sums[unit]) ? value : Math.Min(sums[unit], value),
                Function.Max => double.IsNaN(sums[unit]) ? value : Math.Max(sums[unit], value),
                _ => sums[unit] + value,
            };
        }

        public void Merge(Accumulator other)
        {
            for (var u = 0; u < counts.Length; u++)
            {
                counts[u] += other.counts[u];
                denominators[u] += other.denominators[u];
                sums[u] = function switch
                {
                    Function.Min => double.IsNaN(sums[u]) ? other.sums[u] : double.IsNaN(other.sums[u]) ? sums[u] : Math.Min(sums[u], other.sums[u]),
                    Function.Max => double.IsNaN(sums[u]) ? other.sums[u] : double.IsNaN(other.sums[u]) ? sums[u] : Math.Max(sums[u], other.sums[u]),
                    _ => sums[u] + other.sums[u],
                };
            }
        }

        public double Value(int unit) => function switch
        {
            Function.Count => counts[unit],
            Function.Sum => sums[unit],
            Function.Mean => counts[unit] == 0 ? double.NaN : sums[unit] / counts[unit],
            Function.Ratio => denominators[unit] == 0 ? double.NaN : (double)counts[unit] / denominators[unit],
            _ => sums[unit],
        };

        public long Count(int unit) => function == Function.Ratio ? denominators[unit] : counts[unit];

        private static int Resolve(MeasureDefinition measure, string name, Dictionary<string, int> fields) =>
            fields.TryGetValue(name, out var index)
                ? index
                : throw new ArgumentException($"Measure '{measure.Id}' reads the field '{name}', which the records do not have (fields: {string.Join(", ", fields.Keys)}). Correct the derivation or the source's column mapping.", nameof(measure));

        private static (Formula?, int[]) Compile(MeasureDefinition measure, string? text, Dictionary<string, int> fields, FormulaLimits limits, List<string> read)
        {
            if (text is null)
            {
                return (null, []);
            }

            var parsed = Formula.Parse(text, limits);
            if (parsed.Formula is not { } formula)
            {
                var error = parsed.Errors[0];
                throw new ArgumentException($"Measure '{measure.Id}': the filter '{text}' is not valid at column {error.Column}: {error.Message}", nameof(measure));
            }

            read.AddRange(formula.Variables);
            return (formula, [.. formula.Variables.Select(v => Resolve(measure, v, fields))]);
        }

        private static bool Passes(Formula formula, int[] indices, ReadOnlySpan<double> values)
        {
            Span<double> inputs = stackalloc double[Math.Min(indices.Length, 64)];
            if (indices.Length > 64)
            {
                inputs = new double[indices.Length];
            }

            for (var i = 0; i < indices.Length; i++)
            {
                inputs[i] = values[indices[i]];
            }

            return Holds(formula.Evaluate(inputs));
        }
    }

    private enum Function
    {
        Count,
        Sum,
        Mean,
        Min,
        Max,
        Ratio,
    }
}
