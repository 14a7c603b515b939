namespace BRVT.Dti.Analysis;

/// <summary>
/// One indicator's normalisation, resolved to constants: the same constants <see cref="CompositeSteps.Normalise"/>
/// computes (direction, goalposts or the column's range), so the kernels repeat its arithmetic exactly.
/// </summary>
internal readonly struct LeafTransform
{
    private readonly NormalisationKind kind;
    private readonly double direction;
    private readonly double offset;
    private readonly double divisor;
    private readonly double factor;
    private readonly double shift;
    private readonly bool clamp;
    private readonly double? constant;
    private readonly bool empty;

    private LeafTransform(NormalisationKind kind, double direction, double offset, double divisor, double factor, double shift, bool clamp, double? constant, bool empty)
    {
        this.kind = kind;
        this.direction = direction;
        this.offset = offset;
        this.divisor = divisor;
        this.factor = factor;
        this.shift = shift;
        this.clamp = clamp;
        this.constant = constant;
        this.empty = empty;
    }

    /// <summary>The transform of one indicator; for min-max, <paramref name="rawMin"/> and <paramref name="rawMax"/> are
    /// the least and greatest present raw values (NaN when none is present).</summary>
    public static LeafTransform Of(CompositeNode node, Normalisation method, double rawMin, double rawMax)
    {
        var d = node.Direction;
        switch (method.Kind)
        {
            case NormalisationKind.Goalposts:
                var lo = d == 1 ? node.GoalpostLow!.Value : -node.GoalpostHigh!.Value;
                var hi = d == 1 ? node.GoalpostHigh!.Value : -node.GoalpostLow!.Value;
                return new(NormalisationKind.Goalposts, d, lo, hi - lo, method.Scale, 0, method.Capped, null, false);
            case NormalisationKind.MinMax:
                if (double.IsNaN(rawMin))
                {
                    return new(NormalisationKind.MinMax, d, 0, 0, 0, 0, false, null, true);
                }

                // The range of d·x: negating swaps the ends exactly.
                var (min, max) = d == 1 ? (rawMin, rawMax) : (-rawMax, -rawMin);
                return max == min
                    ? new(NormalisationKind.None, d, 0, 0, 0, 0, false, (method.Low + method.High) / 2, false)
                    : new(NormalisationKind.MinMax, d, min, max - min, method.High - method.Low, method.Low, false, null, false);
            default:
                return new(NormalisationKind.None, d, 0, 0, 0, 0, false, null, false);
        }
    }

    /// <summary>Normalises a block of raw values; false when the indicator has no value at all (every y would be NaN).</summary>
    public bool Normalise(ReadOnlySpan<double> raw, Span<double> y)
    {
        if (empty)
        {
            return false;
        }

        switch (kind)
        {
            case NormalisationKind.Goalposts:
                ColumnKernels.Goalposts(raw, direction, offset, divisor, clamp, factor, y);
                break;
            case NormalisationKind.MinMax:
                ColumnKernels.MinMax(raw, direction, offset, divisor, factor, shift, y);
                break;
            default:
                ColumnKernels.Scale(raw, direction, constant, y);
                break;
        }

        return true;
    }
}
