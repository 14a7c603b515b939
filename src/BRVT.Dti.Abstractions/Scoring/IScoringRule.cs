namespace BRVT.Dti.Scoring;

/// <summary>
/// A scoring rule: turns the observations of a leaf into a share of the leaf's maximum points. Rules are registered
/// by name; the built-in ones are <c>boolean</c>, <c>ratio</c>, <c>target</c>, <c>bands</c>, <c>linear</c>,
/// <c>relative</c> and <c>formula</c>, and plugins add their own.
/// </summary>
/// <remarks>Implementations must be thread-safe: one instance compiles every leaf of every definition.</remarks>
public interface IScoringRule
{
    /// <summary>The name definitions write in a rule's <c>type</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads and checks a leaf's rule parameters and returns the kernel that evaluates it. Problems in the parameters are
    /// reported through <see cref="RuleCompilationContext.Report"/>, each at its JSON pointer, never thrown.
    /// </summary>
    /// <param name="context">The rule's parameters, its leaf and the definition's measures.</param>
    /// <returns>The compiled kernel, or <see langword="null"/> when a problem was reported.</returns>
    IRuleKernel? Compile(RuleCompilationContext context);
}
