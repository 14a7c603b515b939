namespace BRVT.Dti.Reporting;

/// <summary>
/// How far a unit's rank could move under uncertainty (of weights, of data): an interval of ranks in the unit's group,
/// as a sensitivity analysis estimates it (for example the 5th and 95th percentiles and the median of the ranks over
/// Monte Carlo replications). Ranks are 1 for the best; <see cref="Low"/> ≤ <see cref="Median"/> ≤ <see cref="High"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="UnitId">The unit.</param>
/// <param name="Low">The best rank of the interval (the smallest number).</param>
/// <param name="Median">The median rank.</param>
/// <param name="High">The worst rank of the interval (the largest number).</param>
public sealed record RankInterval(string UnitId, double Low, double Median, double High);
