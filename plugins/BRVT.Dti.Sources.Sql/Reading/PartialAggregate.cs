namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// The state of one measure's aggregate over some of a unit's records, as the database returns it per group: a count
/// or a sum (<see cref="A"/>) and for <c>mean</c> the count of values, for <c>ratio</c> the denominator
/// (<see cref="B"/>); for <c>min</c> and <c>max</c> the extreme so far, NaN when none. Groups of one unit merge.
/// </summary>
/// <param name="A">The count, sum, numerator or extreme.</param>
/// <param name="B">The count of values (<c>mean</c>) or the denominator (<c>ratio</c>); otherwise 0.</param>
internal readonly record struct PartialAggregate(double A, double B)
{
    /// <summary>The state over no records.</summary>
    /// <param name="function">The aggregate.</param>
    /// <returns>0 for the counts and sums, NaN for the extremes.</returns>
    public static PartialAggregate Empty(string function) => function is "min" or "max" ? new(double.NaN, 0) : new(0, 0);

    /// <summary>The state over the records of both.</summary>
    /// <param name="function">The aggregate.</param>
    /// <param name="other">The other state.</param>
    /// <returns>The merged state.</returns>
    public PartialAggregate Merge(string function, PartialAggregate other) => function switch
    {
        "min" => new(double.IsNaN(A) ? other.A : double.IsNaN(other.A) ? A : Math.Min(A, other.A), 0),
        "max" => new(double.IsNaN(A) ? other.A : double.IsNaN(other.A) ? A : Math.Max(A, other.A), 0),
        _ => new(A + other.A, B + other.B),
    };

    /// <summary>The measure's value, exactly as <see cref="RecordAggregator"/> gives it.</summary>
    /// <param name="function">The aggregate.</param>
    /// <returns>The value; NaN for a mean or ratio over nothing and an extreme of nothing.</returns>
    public double Value(string function) => function switch
    {
        "mean" or "ratio" => B == 0 ? double.NaN : A / B,
        _ => A,
    };
}
