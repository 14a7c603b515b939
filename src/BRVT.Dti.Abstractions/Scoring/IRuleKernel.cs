namespace BRVT.Dti.Scoring;

/// <summary>
/// A compiled rule of one leaf. It evaluates every unit at once over columns of observations, writing each unit's
/// share of the leaf's maximum (0..1), or <see cref="double.NaN"/> where the unit's observation is missing.
/// </summary>
/// <remarks>Kernels are immutable and thread-safe: one plan may be evaluated from many threads at once.</remarks>
public interface IRuleKernel
{
    /// <summary>The measures the kernel reads, in the order <see cref="RuleInputs.Column"/> serves them.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>The rule's parameters as text, for explanations and reports (e.g. <c>target ≥ 0.9</c>).</summary>
    string Parameters { get; }

    /// <summary>Evaluates every unit; must not allocate per unit.</summary>
    /// <param name="inputs">The input columns and the units' peer groups.</param>
    /// <param name="shares">Receives each unit's share in 0..1, or <see cref="double.NaN"/> when missing.</param>
    void Evaluate(RuleInputs inputs, Span<double> shares);

    /// <summary>Describes how one unit's inputs became its share, for an explanation.</summary>
    /// <param name="inputs">The unit's input values, in the order of <see cref="Inputs"/>.</param>
    /// <param name="share">The share the kernel computed.</param>
    /// <returns>A short sentence such as <c>45 / 50 = 0.9 of the maximum</c>.</returns>
    string Describe(ReadOnlySpan<double> inputs, double share);
}
