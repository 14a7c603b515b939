namespace BRVT.Dti.Analysis;

/// <summary>
/// The arithmetic of one aggregate, shared by the published (scalar) aggregation and the batched Monte Carlo so that
/// both give bit-identical results for the same weights: children are visited in structure order, and each adds
/// w·T(x) to a numerator and w to a denominator, where T is x, ln x or 1/x.
/// </summary>
internal static class AggregationKernel
{
    /// <summary>The transformed child value: x, ln x or 1/x (0 for a value that is handled by a flag instead).</summary>
    public static double Transform(AggregationKind kind, double x) => kind switch
    {
        AggregationKind.Geometric => x > 0 ? Math.Log(x) : 0,
        AggregationKind.Harmonic => x > 0 ? 1 / x : 0,
        _ => x,
    };

    /// <summary>Whether a present child value is zero for a mean that a zero child drives to zero.</summary>
    public static bool IsZero(AggregationKind kind, double x) => kind != AggregationKind.Arithmetic && x == 0;

    /// <summary>Whether a present child value makes the mean undefined.</summary>
    public static bool IsNegative(AggregationKind kind, double x) => kind != AggregationKind.Arithmetic && x < 0;

    /// <summary>Whether enough children have a value: present ≥ share · total.</summary>
    public static bool EnoughData(int present, int total, double minShare) =>
        present > 0 && present >= (minShare * total) - 1e-9;

    /// <summary>The aggregate from its accumulated numerator and denominator and the flags.</summary>
    public static double Finish(AggregationKind kind, double numerator, double denominator, bool zero, bool negative)
    {
        if (!(denominator > 0) || negative)
        {
            return double.NaN;
        }

        if (zero)
        {
            return 0;
        }

        return kind switch
        {
            AggregationKind.Geometric => Math.Exp(numerator / denominator),
            AggregationKind.Harmonic => denominator / numerator,
            _ => numerator / denominator,
        };
    }
}
