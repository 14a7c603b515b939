namespace BRVT.Dti.Analysis;

/// <summary>
/// An uncertain input's first-order share of the rank variance: the share of Var(rank) explained by that input alone,
/// Var(E[rank | input]) / Var(rank), estimated from the Monte Carlo sample by binning (see remarks).
/// </summary>
/// <param name="Input">The input: <c>imputation</c>, <c>normalisation</c>, <c>aggregation</c>, <c>excluded indicator</c>
/// or <c>weight:CODE</c> for the weight of one node.</param>
/// <param name="Share">Over all units: Σ Sᵢ(u)·Var(u) / Σ Var(u), the share of the summed rank variance; NaN when no rank varies.</param>
/// <param name="PerUnit">Each unit's share, in the order of <see cref="UncertaintyResult.Units"/>; NaN where its rank never varies.</param>
/// <remarks>
/// Immutable and thread-safe. The replications are grouped by the input's value (each choice, or one of equal-width bins
/// of a weight multiplier); the share is the bias-corrected ratio ω² = (SSB − (B − 1)·MSW) / (SST + MSW) of a one-way
/// analysis of variance (B non-empty bins), clipped to 0..1. Shares of independent inputs add up to at most about 1;
/// the remainder is interaction.
/// </remarks>
public sealed record VarianceShare(string Input, double Share, IReadOnlyList<double> PerUnit);
