namespace BRVT.Dti.Analysis;

/// <summary>
/// How one child enters its aggregate: y = clamp((d·x − offset) / divisor, low, high) · factor + shift, then
/// num += y·weight, den += weight where y is present. Every normalisation of <see cref="CompositeSteps.Normalise"/>
/// that the fast path supports is this form with the scalar step's own constants, so the kernel repeats its
/// arithmetic exactly; where the scalar step has no clamp or no shift the term uses ±∞ and +0, which can change only
/// the sign of a zero y, and a zero adds nothing to a sum that starts at +0.
/// </summary>
internal readonly record struct ChildTerm(double Direction, double Offset, double Divisor, double Low, double High, double Factor, double Shift, double Weight)
{
    /// <summary>An aggregate child, taken as it is.</summary>
    public static ChildTerm Identity(double weight) => new(1, 0, 1, double.NegativeInfinity, double.PositiveInfinity, 1, 0, weight);

    /// <summary>
    /// An indicator child; for min-max, <paramref name="rawMin"/> and <paramref name="rawMax"/> are the least and
    /// greatest present raw values (NaN when none is present: the term then gives NaN for every unit, as the scalar
    /// step does for a column without values).
    /// </summary>
    public static ChildTerm Of(CompositeNode node, Normalisation method, double weight, double rawMin, double rawMax)
    {
        var d = node.Direction;
        switch (method.Kind)
        {
            case NormalisationKind.Goalposts:
                var lo = d == 1 ? node.GoalpostLow!.Value : -node.GoalpostHigh!.Value;
                var hi = d == 1 ? node.GoalpostHigh!.Value : -node.GoalpostLow!.Value;
                return method.Capped
                    ? new(d, lo, hi - lo, 0, 1, method.Scale, 0, weight)
                    : new(d, lo, hi - lo, double.NegativeInfinity, double.PositiveInfinity, method.Scale, 0, weight);
            case NormalisationKind.MinMax:
                if (double.IsNaN(rawMin))
                {
                    return new(1, 0, double.NaN, double.NegativeInfinity, double.PositiveInfinity, 1, 0, weight);
                }

                // The range of d·x: negating swaps the ends exactly.
                var (min, max) = d == 1 ? (rawMin, rawMax) : (-rawMax, -rawMin);
                if (max == min)
                {
                    // One distinct value: every present unit gets the middle of the range (clamping to [c, c] gives c
                    // for any number, NaN for NaN).
                    var middle = (method.Low + method.High) / 2;
                    return new(1, 0, 1, middle, middle, 1, 0, weight);
                }

                return new(d, min, max - min, double.NegativeInfinity, double.PositiveInfinity, method.High - method.Low, method.Low, weight);
            default:
                return new(d, 0, 1, double.NegativeInfinity, double.PositiveInfinity, 1, 0, weight);
        }
    }
}
