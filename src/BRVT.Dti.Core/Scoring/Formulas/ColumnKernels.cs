namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// The operations of <see cref="FormulaMath"/> applied element by element over whole spans, in place: the result
/// replaces the first operand. One loop per operation keeps the dispatch out of the inner loop.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>Applies a one-operand operation to every element.</summary>
    /// <param name="op">The operation.</param>
    /// <param name="x">The operands; receives the results.</param>
    public static void Unary(OpCode op, Span<double> x)
    {
        switch (op)
        {
            case OpCode.Negate: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Negate(x[i]); } break;
            case OpCode.Not: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Not(x[i]); } break;
            case OpCode.Abs: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Abs(x[i]); } break;
            case OpCode.Round: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Round(x[i]); } break;
            case OpCode.Floor: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Floor(x[i]); } break;
            case OpCode.Ceiling: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Ceiling(x[i]); } break;
            case OpCode.Sqrt: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Sqrt(x[i]); } break;
            case OpCode.Missing: for (var i = 0; i < x.Length; i++) { x[i] = FormulaMath.Missing(x[i]); } break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Not a one-operand operation.");
        }
    }

    /// <summary>Applies a two-operand operation to every pair of elements.</summary>
    /// <param name="op">The operation.</param>
    /// <param name="a">The first operands; receives the results.</param>
    /// <param name="b">The second operands, as many as <paramref name="a"/>.</param>
    public static void Binary(OpCode op, Span<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        switch (op)
        {
            case OpCode.Add: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Add(a[i], b[i]); } break;
            case OpCode.Subtract: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Subtract(a[i], b[i]); } break;
            case OpCode.Multiply: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Multiply(a[i], b[i]); } break;
            case OpCode.Divide: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Divide(a[i], b[i]); } break;
            case OpCode.Equal: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] == b[i]); } break;
            case OpCode.NotEqual: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] != b[i]); } break;
            case OpCode.Less: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] < b[i]); } break;
            case OpCode.LessOrEqual: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] <= b[i]); } break;
            case OpCode.Greater: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] > b[i]); } break;
            case OpCode.GreaterOrEqual: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Compare(a[i], b[i], a[i] >= b[i]); } break;
            case OpCode.And: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.And(a[i], b[i]); } break;
            case OpCode.Or: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Or(a[i], b[i]); } break;
            case OpCode.Min: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Min(a[i], b[i]); } break;
            case OpCode.Max: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Max(a[i], b[i]); } break;
            case OpCode.RoundDigits: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Round(a[i], b[i]); } break;
            case OpCode.Coalesce: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Coalesce(a[i], b[i]); } break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Not a two-operand operation.");
        }
    }

    /// <summary>Applies a three-operand operation to every triple of elements.</summary>
    /// <param name="op">The operation.</param>
    /// <param name="a">The first operands; receives the results.</param>
    /// <param name="b">The second operands, as many as <paramref name="a"/>.</param>
    /// <param name="c">The third operands, as many as <paramref name="a"/>.</param>
    public static void Ternary(OpCode op, Span<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c)
    {
        b = b[..a.Length];
        c = c[..a.Length];
        switch (op)
        {
            case OpCode.Clamp: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.Clamp(a[i], b[i], c[i]); } break;
            case OpCode.If: for (var i = 0; i < a.Length; i++) { a[i] = FormulaMath.If(a[i], b[i], c[i]); } break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Not a three-operand operation.");
        }
    }
}
