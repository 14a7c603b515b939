using System.Runtime.CompilerServices;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// The meaning of every operation of the formula language, on one value at a time. Scalar evaluation, column-wise
/// evaluation and constant folding all call these functions, which is what makes their results bit-identical.
/// </summary>
/// <remarks>
/// Missing values are NaN and propagate through everything except <see cref="Coalesce"/> and <see cref="Missing"/>.
/// Results are finite or NaN: an infinite result (overflow, division by zero) is NaN.
/// </remarks>
internal static class FormulaMath
{
    /// <summary>Turns infinities into NaN (missing), leaving every other value unchanged.</summary>
    /// <param name="x">The value.</param>
    /// <returns><paramref name="x"/>, or NaN when it is infinite.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finite(double x) => double.IsInfinity(x) ? double.NaN : x;

    /// <summary><c>-x</c></summary>
    /// <param name="x">The operand.</param>
    /// <returns>The negated operand.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Negate(double x) => -x;

    /// <summary><c>a + b</c>; NaN when the sum overflows.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double a, double b) => Finite(a + b);

    /// <summary><c>a - b</c>; NaN when the difference overflows.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double a, double b) => Finite(a - b);

    /// <summary><c>a * b</c>; NaN when the product overflows.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double a, double b) => Finite(a * b);

    /// <summary><c>a / b</c>; NaN when <paramref name="b"/> is zero or the quotient overflows.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>The quotient.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double a, double b) => b == 0 ? double.NaN : Finite(a / b);

    /// <summary>Compares two values: NaN when either is missing, else 1 when <paramref name="holds"/>, else 0.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="holds">The outcome of the comparison of two non-missing values.</param>
    /// <returns>1, 0 or NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compare(double a, double b, bool holds) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : holds ? 1 : 0;

    /// <summary><c>a and b</c>: NaN when either is missing, else 1 when both are non-zero, else 0.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>1, 0 or NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double And(double a, double b) => Compare(a, b, a != 0 && b != 0);

    /// <summary><c>a or b</c>: NaN when either is missing, else 1 when either is non-zero, else 0.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>1, 0 or NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Or(double a, double b) => Compare(a, b, a != 0 || b != 0);

    /// <summary><c>not x</c>: NaN when missing, else 1 when <paramref name="x"/> is zero, else 0.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>1, 0 or NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Not(double x) => double.IsNaN(x) ? double.NaN : x == 0 ? 1 : 0;

    /// <summary><c>if(c, a, b)</c>: <paramref name="a"/> when c is non-zero, <paramref name="b"/> when c is 0, NaN when c is missing.</summary>
    /// <param name="c">The condition.</param>
    /// <param name="a">The value when the condition holds.</param>
    /// <param name="b">The value when it does not.</param>
    /// <returns>The chosen value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double If(double c, double a, double b) => double.IsNaN(c) ? double.NaN : c != 0 ? a : b;

    /// <summary><c>min(a, b)</c>; NaN when either is missing.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>The smaller value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => Math.Min(a, b);

    /// <summary><c>max(a, b)</c>; NaN when either is missing.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>The larger value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => Math.Max(a, b);

    /// <summary><c>clamp(x, lo, hi)</c>; NaN when any argument is missing or when <paramref name="lo"/> &gt; <paramref name="hi"/>.</summary>
    /// <param name="x">The value.</param>
    /// <param name="lo">The lower bound.</param>
    /// <param name="hi">The upper bound.</param>
    /// <returns><paramref name="x"/> limited to [lo, hi].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clamp(double x, double lo, double hi) => lo <= hi ? Math.Min(Math.Max(x, lo), hi) : double.NaN;

    /// <summary><c>abs(x)</c></summary>
    /// <param name="x">The value.</param>
    /// <returns>The absolute value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Abs(double x) => Math.Abs(x);

    /// <summary><c>floor(x)</c></summary>
    /// <param name="x">The value.</param>
    /// <returns>The largest integer not above <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Floor(double x) => Math.Floor(x);

    /// <summary><c>ceil(x)</c></summary>
    /// <param name="x">The value.</param>
    /// <returns>The smallest integer not below <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ceiling(double x) => Math.Ceiling(x);

    /// <summary><c>round(x)</c>, halves away from zero.</summary>
    /// <param name="x">The value.</param>
    /// <returns>The nearest integer.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Round(double x) => Math.Round(x, MidpointRounding.AwayFromZero);

    /// <summary>
    /// <c>round(x, digits)</c>, halves away from zero; <paramref name="digits"/> is truncated to an integer and must
    /// then be 0..15, else the result is NaN.
    /// </summary>
    /// <param name="x">The value.</param>
    /// <param name="digits">The number of decimals.</param>
    /// <returns>The rounded value.</returns>
    public static double Round(double x, double digits)
    {
        var whole = Math.Truncate(digits);
        return whole is >= 0 and <= 15 ? Math.Round(x, (int)whole, MidpointRounding.AwayFromZero) : double.NaN;
    }

    /// <summary><c>sqrt(x)</c>; NaN for negative values.</summary>
    /// <param name="x">The value.</param>
    /// <returns>The square root.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt(double x) => Math.Sqrt(x);

    /// <summary><c>coalesce(x, d)</c>: <paramref name="d"/> when <paramref name="x"/> is missing, else <paramref name="x"/>.</summary>
    /// <param name="x">The value.</param>
    /// <param name="d">The default.</param>
    /// <returns>The value or the default.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Coalesce(double x, double d) => double.IsNaN(x) ? d : x;

    /// <summary><c>missing(x)</c>: 1 when <paramref name="x"/> is missing, else 0.</summary>
    /// <param name="x">The value.</param>
    /// <returns>1 or 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Missing(double x) => double.IsNaN(x) ? 1 : 0;

    /// <summary>Applies one operation to its operands, for scalar evaluation and constant folding.</summary>
    /// <param name="op">The operation; not <see cref="OpCode.Constant"/> or <see cref="OpCode.Load"/>.</param>
    /// <param name="args">The operands, as many as the operation's arity, in the order they were pushed.</param>
    /// <returns>The result.</returns>
    public static double Apply(OpCode op, ReadOnlySpan<double> args) => op switch
    {
        OpCode.Negate => Negate(args[0]),
        OpCode.Not => Not(args[0]),
        OpCode.Add => Add(args[0], args[1]),
        OpCode.Subtract => Subtract(args[0], args[1]),
        OpCode.Multiply => Multiply(args[0], args[1]),
        OpCode.Divide => Divide(args[0], args[1]),
        OpCode.Equal => Compare(args[0], args[1], args[0] == args[1]),
        OpCode.NotEqual => Compare(args[0], args[1], args[0] != args[1]),
        OpCode.Less => Compare(args[0], args[1], args[0] < args[1]),
        OpCode.LessOrEqual => Compare(args[0], args[1], args[0] <= args[1]),
        OpCode.Greater => Compare(args[0], args[1], args[0] > args[1]),
        OpCode.GreaterOrEqual => Compare(args[0], args[1], args[0] >= args[1]),
        OpCode.And => And(args[0], args[1]),
        OpCode.Or => Or(args[0], args[1]),
        OpCode.Min => Min(args[0], args[1]),
        OpCode.Max => Max(args[0], args[1]),
        OpCode.Clamp => Clamp(args[0], args[1], args[2]),
        OpCode.If => If(args[0], args[1], args[2]),
        OpCode.Abs => Abs(args[0]),
        OpCode.Round => Round(args[0]),
        OpCode.RoundDigits => Round(args[0], args[1]),
        OpCode.Floor => Floor(args[0]),
        OpCode.Ceiling => Ceiling(args[0]),
        OpCode.Sqrt => Sqrt(args[0]),
        OpCode.Coalesce => Coalesce(args[0], args[1]),
        OpCode.Missing => Missing(args[0]),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "The operation takes no operands."),
    };
}
