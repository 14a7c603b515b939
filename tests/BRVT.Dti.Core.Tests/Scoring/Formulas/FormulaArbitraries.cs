using FsCheck;
using FsCheck.Fluent;

namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>FsCheck generators of formula text: well-formed expressions with every operator and function, and token soup.</summary>
public static class FormulaArbitraries
{
    private static readonly string[] NumberTexts =
        ["0", "1", "2", "3", "7", "10", "15", "100", "0.1", "3.5", ".5", "1e3", "2.5E-2", "1E+2", "1e308", "1e-300", "0.125", "2.5"];

    private static readonly (string Operator, string[] Spellings)[] BinaryOperators =
    [
        ("+", ["+"]), ("-", ["-"]), ("*", ["*"]), ("/", ["/"]),
        ("=", ["=", "=="]), ("!=", ["!=", "<>"]), ("<", ["<"]), ("<=", ["<="]), (">", [">"]), (">=", [">="]),
        ("and", ["and", "AND", "And", "&&"]), ("or", ["or", "OR", "||"]),
    ];

    private static readonly string[] UnarySpellings = ["-", "+", "not", "NOT", "!"];

    private static readonly double[] SpecialValues =
        [double.NaN, 0, -0.0, 1, -1, 0.5, -2.5, 2.5, 3, 15, 1e308, -1e308, 1e-308, double.PositiveInfinity, double.NegativeInfinity];

    private static readonly string[] SoupPieces =
    [
        "x", "y", "Z", "_a1", "1", "2.5", ".5", "1e3", "1e", "1.", "(", ")", ",", "+", "-", "*", "/", "=", "==", "!=", "<>",
        "<", "<=", ">", ">=", "!", "&&", "||", "&", "|", "and", "or", "not", "min", "max(", "clamp(", "if(", "round(", "mx(",
        " ", "  ", "#", "đ", "\t", "1e400", "😀",
    ];

    /// <summary>Well-formed formulas with rows of values, for comparing evaluations.</summary>
    public static Gen<FormulaCase> FormulaCases() =>
        from expression in Gen.Sized(size => Expression(Math.Min(size, 40), computedDigits: true))
        from rows in Gen.Frequency((9, Gen.Choose(0, 12)), (1, Gen.Choose(1000, 2100))).SelectMany(count => Gen.ArrayOf(Row(Value()), count))
        select new FormulaCase(expression, rows);

    /// <summary>Well-formed formulas with one row of finite values, which may be written into the text as literals.</summary>
    public static Gen<FormulaCase> SubstitutableCases() =>
        from expression in Gen.Sized(size => Expression(Math.Min(size, 40), computedDigits: false))
        from row in Row(FiniteValue())
        select new FormulaCase(expression, [row]);

    /// <summary>Strings made of formula-like pieces, to reach deeper into the parser than random characters do.</summary>
    public static Gen<string> TokenSoup() =>
        Gen.ListOf(Gen.Elements(SoupPieces)).Select(pieces => string.Concat(pieces));

    /// <summary>Registers <see cref="FormulaCases"/> with FsCheck (<c>[Property(Arbitrary = …)]</c>).</summary>
    public static class WellFormed
    {
        public static Arbitrary<FormulaCase> Cases() => Arb.From(FormulaCases());
    }

    /// <summary>Registers <see cref="SubstitutableCases"/> with FsCheck.</summary>
    public static class Substitutable
    {
        public static Arbitrary<FormulaCase> Cases() => Arb.From(SubstitutableCases());
    }

    /// <summary>Registers <see cref="TokenSoup"/> as the generator of strings.</summary>
    public static class Soup
    {
        public static Arbitrary<string> Strings() => Arb.From(TokenSoup());
    }

    private static Gen<double[]> Row(Gen<double> value) => Gen.ArrayOf(value, FormulaCase.Names.Length);

    private static Gen<double> Value() => Gen.Frequency(
        (2, Gen.Elements(0.0, 1.0)),
        (2, Gen.Elements(SpecialValues)),
        (2, Gen.Choose(-400, 400).Select(n => n / 8.0)));

    private static Gen<double> FiniteValue() => Gen.Frequency(
        (1, Gen.Elements(SpecialValues.Where(double.IsFinite).ToArray())),
        (2, Gen.Choose(-400, 400).Select(n => n / 7.0)));

    private static Gen<TestExpression> Atom() => Gen.Frequency(
        (3, Gen.Elements(FormulaCase.Names).Select(name => (TestExpression)new VariableExpression(name))),
        (2, Gen.Elements(NumberTexts).Select(text => (TestExpression)new NumberExpression(text))));

    // Each branch is built only when chosen (SelectMany), so the recursion costs only what it generates.
    private static Gen<TestExpression> Expression(int size, bool computedDigits) => size <= 1
        ? Atom()
        : Gen.Choose(0, 9).SelectMany(kind => kind switch
        {
            0 or 1 => Atom(),
            2 or 3 or 4 => Binary(size, computedDigits),
            5 => Expression(size / 2, computedDigits).Select(inner => (TestExpression)new ParenthesizedExpression(inner)),
            6 => from spelling in Gen.Elements(UnarySpellings)
                 from operand in Expression(size / 2, computedDigits)
                 select (TestExpression)new UnaryExpression(spelling, operand),
            _ => Call(size, computedDigits),
        });

    private static Gen<TestExpression> Binary(int size, bool computedDigits) =>
        from op in Gen.Elements(BinaryOperators)
        from spelling in Gen.Elements(op.Spellings)
        from spaced in Gen.Elements(true, false)
        from left in Expression(size / 2, computedDigits)
        from right in Expression(size / 2, computedDigits)
        select (TestExpression)new BinaryExpression(op.Operator, spelling, spaced, left, right);

    private static Gen<TestExpression> Call(int size, bool computedDigits) =>
        from name in Gen.Elements("min", "max", "clamp", "if", "abs", "round", "round2", "floor", "ceil", "sqrt", "coalesce", "missing")
        from count in Gen.Choose(1, 4)
        from casing in Gen.Choose(0, 2)
        from arguments in Arguments(name, count, size, computedDigits)
        select (TestExpression)new CallExpression(Case(name == "round2" ? "round" : name, casing), arguments);

    private static Gen<TestExpression[]> Arguments(string name, int variadicCount, int size, bool computedDigits)
    {
        var count = name switch
        {
            "min" or "max" => variadicCount,
            "clamp" or "if" => 3,
            "round2" or "coalesce" => 2,
            _ => 1,
        };
        var argument = Expression(size / (count + 1), computedDigits);
        return name == "round2"
            ? from x in argument from digits in Digits(size, computedDigits) select new[] { x, digits }
            : Gen.ArrayOf(argument, count);
    }

    // A constant number of digits must be a whole number 0..15 (else the formula does not parse); computed digits
    // must read a variable so that they cannot be folded into a constant.
    private static Gen<TestExpression> Digits(int size, bool computedDigits)
    {
        var literal = Gen.Choose(0, 15).Select(n => (TestExpression)new NumberExpression(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var computed = Expression(size / 3, computedDigits).Select(expression => expression.Variables().Count > 0
            ? expression
            : new BinaryExpression("+", "+", true, new VariableExpression("x"), expression));
        return computedDigits ? Gen.OneOf(literal, computed) : literal;
    }

    private static string Case(string name, int casing) => casing switch
    {
        0 => name,
        1 => name.ToUpperInvariant(),
        _ => char.ToUpperInvariant(name[0]) + name[1..],
    };
}
