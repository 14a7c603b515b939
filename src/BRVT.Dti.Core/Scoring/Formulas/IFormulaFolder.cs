namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// Receives the parts of a parsed <see cref="Formula"/>, innermost first, and combines them into a result of its own
/// kind: a translation to another language (e.g. SQL), a printed form, an analysis. Pass it to
/// <see cref="Formula.Fold{T}(IFormulaFolder{T})"/>.
/// </summary>
/// <typeparam name="T">What the folder builds for each part (a string, a tree node, a number…).</typeparam>
/// <remarks>
/// <para>
/// The folder sees the formula as it is compiled, which means as it evaluates, not as it was written: parentheses and
/// unary <c>+</c> are gone; every part made only of numbers has been computed into one <see cref="Number"/> (so
/// <c>2 * 3 + x</c> arrives as 6 + x, and <c>1 / 0</c> as a missing number); <c>min</c> and <c>max</c> with more than
/// two arguments arrive as two-argument calls chained from the left (<c>min(a, b, c)</c> as
/// <c>min(min(a, b), c)</c>), and with one argument as that argument. Operands are folded in the order they are
/// written, left to right.
/// </para>
/// <para>
/// A folder may throw to refuse a construct it cannot handle; the exception reaches the caller of
/// <see cref="Formula.Fold{T}(IFormulaFolder{T})"/> unchanged.
/// </para>
/// </remarks>
public interface IFormulaFolder<T>
{
    /// <summary>A number: a literal or a part computed from literals.</summary>
    /// <param name="value">The value: finite, or NaN when the computed part is missing (e.g. <c>1 / 0</c>).</param>
    /// <returns>The folder's result for the number.</returns>
    T Number(double value);

    /// <summary>A variable (a measure id or a record field), named exactly as written; names are case-sensitive.</summary>
    /// <param name="name">The variable's name, one of <see cref="Formula.Variables"/>.</param>
    /// <returns>The folder's result for the variable.</returns>
    T Variable(string name);

    /// <summary>A unary operator applied to its operand.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="operand">The folded operand.</param>
    /// <returns>The folder's result for the operation.</returns>
    T Unary(FormulaUnaryOperator op, T operand);

    /// <summary>A binary operator applied to its operands.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="left">The folded left operand.</param>
    /// <param name="right">The folded right operand.</param>
    /// <returns>The folder's result for the operation.</returns>
    T Binary(FormulaBinaryOperator op, T left, T right);

    /// <summary>
    /// A function call. <paramref name="function"/> is the canonical lower-case name, one of <c>min</c>, <c>max</c>
    /// (always two arguments), <c>clamp</c> (x, lo, hi), <c>if</c> (condition, then, else), <c>abs</c>, <c>round</c>
    /// (x, or x and digits), <c>floor</c>, <c>ceil</c>, <c>sqrt</c>, <c>coalesce</c> (x, default) and
    /// <c>missing</c> (x); see <see cref="Formula"/> for what each computes.
    /// </summary>
    /// <param name="function">The function's canonical name.</param>
    /// <param name="arguments">The folded arguments, in the order written.</param>
    /// <returns>The folder's result for the call.</returns>
    T Call(string function, IReadOnlyList<T> arguments);
}
