namespace BRVT.Dti.Scoring.Formulas;

/// <summary>A function of the formula language: its name, how many arguments it takes and what it compiles to.</summary>
/// <param name="Name">The canonical (lower-case) name.</param>
/// <param name="Usage">How to call it, for error messages, e.g. <c>clamp(x, lo, hi)</c>.</param>
/// <param name="MinArguments">The fewest arguments.</param>
/// <param name="MaxArguments">The most arguments; <see cref="int.MaxValue"/> for a variadic function.</param>
/// <param name="Op">
/// The operation with <see cref="MinArguments"/> arguments; for a variadic function, the two-argument operation
/// that is chained from the left.
/// </param>
/// <param name="OpWithMaxArguments">The operation with <see cref="MaxArguments"/> arguments when it differs.</param>
internal sealed record FunctionSignature(string Name, string Usage, int MinArguments, int MaxArguments, OpCode Op, OpCode? OpWithMaxArguments = null)
{
    /// <summary>Whether the function takes any number of arguments (at least <see cref="MinArguments"/>).</summary>
    public bool IsVariadic => MaxArguments == int.MaxValue;

    /// <summary>Whether the function accepts <paramref name="count"/> arguments.</summary>
    /// <param name="count">The number of arguments of a call.</param>
    /// <returns><see langword="true"/> when the count is allowed.</returns>
    public bool Accepts(int count) => count >= MinArguments && count <= MaxArguments;

    /// <summary>The operation of a call with <paramref name="count"/> arguments of a function that is not variadic.</summary>
    /// <param name="count">An accepted number of arguments.</param>
    /// <returns>The operation.</returns>
    public OpCode OpFor(int count) => count == MaxArguments && OpWithMaxArguments is { } op ? op : Op;
}
