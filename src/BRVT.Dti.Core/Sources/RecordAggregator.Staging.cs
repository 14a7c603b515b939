using System.Buffers;
using System.Runtime.CompilerServices;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Sources;

/// <summary>The staging of batches (<see cref="RecordAggregator.Stage"/>) and their commit, measure by measure.</summary>
public sealed partial class RecordAggregator
{
    /// <summary>A simple filter (<see cref="Formula.TryComparison"/>), read straight from its field's column.</summary>
    private readonly record struct Comparison(int Field, OpCode Op, double Constant);

    /// <summary>What the measures of one <see cref="Stage"/> share: the records per unit (counted once) and scratch.</summary>
    private sealed class Scratch(int unitCount) : IDisposable
    {
        private long[]? records;
        private double[]? pass;
        private double[]? denominatorPass;

        public int UnitCount { get; } = unitCount;

        /// <summary>The batch's records per unit (shared: a part's arrays are only read once staged).</summary>
        public long[] Records(ReadOnlySpan<int> units)
        {
            if (records is null)
            {
                records = new long[UnitCount];
                foreach (var unit in units)
                {
                    records[unit]++;
                }
            }

            return records;
        }

        public Span<double> Pass(int rows) => (pass ??= ArrayPool<double>.Shared.Rent(Math.Max(1, rows))).AsSpan(0, rows);

        public Span<double> DenominatorPass(int rows) => (denominatorPass ??= ArrayPool<double>.Shared.Rent(Math.Max(1, rows))).AsSpan(0, rows);

        public void Dispose()
        {
            if (pass is not null)
            {
                ArrayPool<double>.Shared.Return(pass);
            }

            if (denominatorPass is not null)
            {
                ArrayPool<double>.Shared.Return(denominatorPass);
            }
        }
    }

    /// <summary>
    /// A test of a record's value, specialised per loop: none, a formula's result worked out beforehand, or a comparison
    /// with a finite constant that holds only where the value is finite (as the formula's does).
    /// </summary>
    private interface IComparison
    {
        static abstract bool Holds(double x, double c);
    }

    /// <summary>No filter.</summary>
    private readonly struct Always : IComparison
    {
        public static bool Holds(double x, double c) => true;
    }

    /// <summary>A formula's result, worked out beforehand: it holds where it is neither 0 nor missing.</summary>
    private readonly struct Passed : IComparison
    {
        public static bool Holds(double x, double c) => x != 0 && !double.IsNaN(x);
    }

    /// <summary><c>x = c</c>: an equal value is finite, as c is.</summary>
    private readonly struct EqualTo : IComparison
    {
        public static bool Holds(double x, double c) => x == c;
    }

    private readonly struct NotEqualTo : IComparison
    {
        public static bool Holds(double x, double c) => x != c && double.IsFinite(x);
    }

    private readonly struct LessThan : IComparison
    {
        public static bool Holds(double x, double c) => x < c && double.IsFinite(x);
    }

    private readonly struct LessOrEqualTo : IComparison
    {
        public static bool Holds(double x, double c) => x <= c && double.IsFinite(x);
    }

    private readonly struct GreaterThan : IComparison
    {
        public static bool Holds(double x, double c) => x > c && double.IsFinite(x);
    }

    private readonly struct GreaterOrEqualTo : IComparison
    {
        public static bool Holds(double x, double c) => x >= c && double.IsFinite(x);
    }

    private sealed partial class Accumulator
    {
        /// <summary>
        /// The order-independent part of <see cref="AddRows"/> for a batch, and the values its sums will add. Unfiltered
        /// counts share the batch's records per unit; a simple filter is tested as the rows are counted (no column of
        /// results in between); any other formula is evaluated column-wise first.
        /// </summary>
        public RecordBatch.Part Stage(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, Scratch scratch)
        {
            var part = new RecordBatch.Part();
            switch (function)
            {
                case Function.Count:
                    part.Counts = filter is null ? scratch.Records(units) : CountPassing(units, columns, offset, scratch);
                    break;
                case Function.Ratio when denominatorFilter is null:
                    part.Denominators = scratch.Records(units);
                    part.Counts = filter is null ? part.Denominators : CountPassing(units, columns, offset, scratch);
                    break;
                case Function.Ratio:
                    StageRatio(units, columns, offset, scratch, part);
                    break;
                case Function.Min or Function.Max:
                    StageExtremes(units, columns, offset, scratch, part);
                    break;
                default:
                    StageSums(units, columns, offset, scratch, part);
                    break;
            }

            return part;
        }

        /// <summary>Adds a staged part: counts and extremes at once, sums record by record in order.</summary>
        public void Commit(ReadOnlySpan<int> units, RecordBatch.Part part)
        {
            var partCounts = part.Counts!;
            for (var u = 0; u < counts.Length; u++)
            {
                counts[u] += partCounts[u];
            }

            if (part.Denominators is { } d)
            {
                for (var u = 0; u < denominators.Length; u++)
                {
                    denominators[u] += d[u];
                }
            }

            if (part.Extremes is { } e)
            {
                for (var u = 0; u < sums.Length; u++)
                {
                    sums[u] = double.IsNaN(e[u]) ? sums[u] : Extreme(sums[u], e[u]);
                }
            }

            if (part.Values is { } v)
            {
                // Every record adds its staged value, +0 where nothing is added: a sum is never −0 (it starts at +0,
                // and x + y is −0 only when both are −0), so adding +0 leaves it as it is, to the bit.
                var total = sums;
                var values = v.AsSpan(0, units.Length);
                for (var r = 0; r < values.Length; r++)
                {
                    total[units[r]] += values[r];
                }
            }
        }

        /// <summary>Per unit, the records that pass the filter.</summary>
        private long[] CountPassing(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, Scratch scratch)
        {
            var passing = new long[scratch.UnitCount];
            if (comparison is { } c)
            {
                var values = columns[c.Field].AsSpan(offset, units.Length);
                switch (c.Op)
                {
                    case OpCode.Equal:
                        CountWhere<EqualTo>(units, values, c.Constant, passing);
                        break;
                    case OpCode.NotEqual:
                        CountWhere<NotEqualTo>(units, values, c.Constant, passing);
                        break;
                    case OpCode.Less:
                        CountWhere<LessThan>(units, values, c.Constant, passing);
                        break;
                    case OpCode.LessOrEqual:
                        CountWhere<LessOrEqualTo>(units, values, c.Constant, passing);
                        break;
                    case OpCode.Greater:
                        CountWhere<GreaterThan>(units, values, c.Constant, passing);
                        break;
                    default:
                        CountWhere<GreaterOrEqualTo>(units, values, c.Constant, passing);
                        break;
                }

                return passing;
            }

            var pass = scratch.Pass(units.Length);
            filter!.EvaluateFields(columns, filterFields, offset, pass);
            CountWhere<Passed>(units, pass, 0, passing);
            return passing;
        }

        private static void CountWhere<T>(ReadOnlySpan<int> units, ReadOnlySpan<double> values, double c, long[] passing)
            where T : struct, IComparison
        {
            for (var r = 0; r < values.Length; r++)
            {
                passing[units[r]] += T.Holds(values[r], c) ? 1 : 0;
            }
        }

        /// <summary>A ratio with a denominator filter: both filters column-wise, then the records in order.</summary>
        private void StageRatio(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, Scratch scratch, RecordBatch.Part part)
        {
            var rows = units.Length;
            var pass = filter is null ? default : scratch.Pass(rows);
            if (filter is not null)
            {
                filter.EvaluateFields(columns, filterFields, offset, pass);
            }

            var denominatorPass = scratch.DenominatorPass(rows);
            denominatorFilter!.EvaluateFields(columns, denominatorFields, offset, denominatorPass);
            var partCounts = part.Counts = new long[scratch.UnitCount];
            var partDenominators = part.Denominators = new long[scratch.UnitCount];
            for (var r = 0; r < rows; r++)
            {
                if (Holds(denominatorPass[r]))
                {
                    var u = units[r];
                    partDenominators[u]++;
                    partCounts[u] += filter is null || Holds(pass[r]) ? 1 : 0;
                }
            }
        }

        /// <summary>Minima or maxima: per unit, the batch's extreme of the present values that pass the filter.</summary>
        private void StageExtremes(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, Scratch scratch, RecordBatch.Part part)
        {
            var rows = units.Length;
            var pass = filter is null ? default : scratch.Pass(rows);
            if (filter is not null)
            {
                filter.EvaluateFields(columns, filterFields, offset, pass);
            }

            var partCounts = part.Counts = new long[scratch.UnitCount];
            var extremes = part.Extremes = new double[scratch.UnitCount];
            Array.Fill(extremes, double.NaN);
            var source = columns[field].AsSpan(offset, rows);
            for (var r = 0; r < rows; r++)
            {
                var value = source[r];
                if ((filter is null || Holds(pass[r])) && !double.IsNaN(value))
                {
                    var u = units[r];
                    partCounts[u]++;
                    extremes[u] = Extreme(extremes[u], value);
                }
            }
        }

        /// <summary>
        /// Sums and means, whose additions depend on the order: the value each record adds is kept in record order
        /// (+0 where it adds nothing: missing, or filtered out), and per unit the count of values added.
        /// </summary>
        private void StageSums(ReadOnlySpan<int> units, IReadOnlyList<double[]> columns, int offset, Scratch scratch, RecordBatch.Part part)
        {
            var rows = units.Length;
            var partCounts = part.Counts = new long[scratch.UnitCount];
            var kept = (part.Values = ArrayPool<double>.Shared.Rent(Math.Max(1, rows))).AsSpan(0, rows);
            var source = columns[field].AsSpan(offset, rows);
            if (filter is null)
            {
                Keep<Always>(units, source, source, 0, kept, partCounts);
                return;
            }

            if (comparison is { } c)
            {
                var tested = columns[c.Field].AsSpan(offset, rows);
                switch (c.Op)
                {
                    case OpCode.Equal:
                        Keep<EqualTo>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                    case OpCode.NotEqual:
                        Keep<NotEqualTo>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                    case OpCode.Less:
                        Keep<LessThan>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                    case OpCode.LessOrEqual:
                        Keep<LessOrEqualTo>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                    case OpCode.Greater:
                        Keep<GreaterThan>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                    default:
                        Keep<GreaterOrEqualTo>(units, source, tested, c.Constant, kept, partCounts);
                        break;
                }

                return;
            }

            var pass = scratch.Pass(rows);
            filter.EvaluateFields(columns, filterFields, offset, pass);
            Keep<Passed>(units, source, pass, 0, kept, partCounts);
        }

        /// <summary>
        /// Keeps each record's value where it passes and is present, +0 elsewhere (without a branch: which values are
        /// missing is not predictable), and counts per unit the values kept.
        /// </summary>
        private static void Keep<T>(ReadOnlySpan<int> units, ReadOnlySpan<double> source, ReadOnlySpan<double> tested, double c, Span<double> kept, long[] partCounts)
            where T : struct, IComparison
        {
            const long Infinity = 0x7FF0_0000_0000_0000;
            for (var r = 0; r < kept.Length; r++)
            {
                // Present: not NaN, tested on the bits (a floating-point comparison branches on NaN).
                var value = BitConverter.DoubleToInt64Bits(source[r]);
                var added = (T.Holds(tested[r], c) ? 1L : 0L) & ((value & long.MaxValue) <= Infinity ? 1L : 0L);
                kept[r] = BitConverter.Int64BitsToDouble(value & -added);
                partCounts[units[r]] += added;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Holds(double result) => result != 0 && !double.IsNaN(result);
    }
}
