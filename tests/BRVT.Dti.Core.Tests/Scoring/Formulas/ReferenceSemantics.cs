namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>
/// An independent, tree-walking statement of the language's semantics, written from the specification, to check
/// the library's parser and stack machine against.
/// </summary>
internal static class ReferenceSemantics
{
    public static double Evaluate(TestExpression expression, IReadOnlyDictionary<string, double> variables) => expression switch
    {
        NumberExpression number => number.Value,
        VariableExpression variable => double.IsInfinity(variables[variable.Name]) ? double.NaN : variables[variable.Name],
        ParenthesizedExpression parenthesized => Evaluate(parenthesized.Inner, variables),
        UnaryExpression unary => Unary(unary, Evaluate(unary.Operand, variables)),
        BinaryExpression binary => Binary(binary.Operator, Evaluate(binary.Left, variables), Evaluate(binary.Right, variables)),
        CallExpression call => Call(call.Name, [.. call.Arguments.Select(argument => Evaluate(argument, variables))]),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    private static double Unary(UnaryExpression unary, double x)
    {
        if (unary.IsNot)
        {
            return double.IsNaN(x) ? double.NaN : x == 0 ? 1 : 0;
        }

        return unary.Spelling == "-" ? -x : x;
    }

    private static double Binary(string op, double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.NaN;
        }

        var result = op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => b == 0 ? double.NaN : a / b,
            "=" => Truth(a == b),
            "!=" => Truth(a != b),
            "<" => Truth(a < b),
            "<=" => Truth(a <= b),
            ">" => Truth(a > b),
            ">=" => Truth(a >= b),
            "and" => Truth(a != 0 && b != 0),
            "or" => Truth(a != 0 || b != 0),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        return double.IsInfinity(result) ? double.NaN : result;
    }

    private static double Call(string name, double[] args)
    {
        switch (name)
        {
            case "coalesce":
                return double.IsNaN(args[0]) ? args[1] : args[0];
            case "missing":
                return double.IsNaN(args[0]) ? 1 : 0;
            case "if":
                return double.IsNaN(args[0]) ? double.NaN : args[0] != 0 ? args[1] : args[2];
        }

        if (args.Any(double.IsNaN))
        {
            return double.NaN;
        }

        return name switch
        {
            "min" => args.Min(),
            "max" => args.Max(),
            "clamp" => args[1] > args[2] ? double.NaN : args[0] < args[1] ? args[1] : args[0] > args[2] ? args[2] : args[0],
            "abs" => Math.Abs(args[0]),
            "round" when args.Length == 1 => Math.Round(args[0], MidpointRounding.AwayFromZero),
            "round" => Math.Truncate(args[1]) is >= 0 and <= 15
                ? Math.Round(args[0], (int)Math.Truncate(args[1]), MidpointRounding.AwayFromZero)
                : double.NaN,
            "floor" => Math.Floor(args[0]),
            "ceil" => Math.Ceiling(args[0]),
            "sqrt" => Math.Sqrt(args[0]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static double Truth(bool value) => value ? 1 : 0;
}
