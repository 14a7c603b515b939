using System.Buffers;

namespace BRVT.Dti.Sources;

/// <summary>
/// Records staged by <see cref="RecordAggregator.Stage"/> (on any thread) for <see cref="RecordAggregator.Commit"/>
/// (in record order): per measure, the batch's counts and extremes per unit, and the values its sums add, in order.
/// </summary>
/// <remarks>Immutable once staged; commit it once.</remarks>
public sealed class RecordBatch
{
    internal RecordBatch(RecordAggregator owner, int[] units, int count, Part[] parts)
    {
        Owner = owner;
        Units = units;
        Count = count;
        Parts = parts;
    }

    /// <summary>The number of records in the batch.</summary>
    public int Count { get; }

    internal RecordAggregator Owner { get; }

    internal int[] Units { get; }

    internal Part[] Parts { get; }

    internal bool Committed { get; set; }

    /// <summary>Gives the pooled arrays back (after the commit; a batch never committed leaves them to the collector).</summary>
    internal void ReturnArrays()
    {
        ArrayPool<int>.Shared.Return(Units);
        foreach (var part in Parts)
        {
            if (part.Values is { } values)
            {
                ArrayPool<double>.Shared.Return(values);
                part.Values = null;
            }
        }
    }

    /// <summary>One measure's share of the batch.</summary>
    internal sealed class Part
    {
        /// <summary>Per unit: records counted (count, ratio numerator, present values of the others); parts may share it.</summary>
        public long[]? Counts { get; set; }

        /// <summary>Per unit: the ratio's denominator records.</summary>
        public long[]? Denominators { get; set; }

        /// <summary>Per unit: the batch's minimum or maximum (NaN: none).</summary>
        public double[]? Extremes { get; set; }

        /// <summary>Per record, in order: the value a sum or mean adds (+0 where it adds none); pooled, possibly longer than the batch.</summary>
        public double[]? Values { get; set; }
    }
}
