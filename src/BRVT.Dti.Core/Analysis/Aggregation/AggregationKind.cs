namespace BRVT.Dti.Analysis;

/// <summary>How an aggregate combines its children (COINr <c>Aggregate(f_ag = ...)</c>).</summary>
public enum AggregationKind
{
    /// <summary>Σ wᵢxᵢ / Σ wᵢ, fully compensatory (COINr <c>a_amean</c>).</summary>
    Arithmetic,

    /// <summary>exp(Σ wᵢ ln xᵢ / Σ wᵢ), partly compensatory; a zero child gives 0, a negative one no value (COINr <c>a_gmean</c>).</summary>
    Geometric,

    /// <summary>Σ wᵢ / Σ (wᵢ / xᵢ), the least compensatory; a zero child gives 0, a negative one no value (COINr <c>a_hmean</c>).</summary>
    Harmonic,
}
