using System.Globalization;

namespace BRVT.Dti.Sources.Sql.Tests.Translation;

/// <summary>
/// Random well-formed formulas over the fields x, y and z with every operator and every function the SQL translation
/// supports, from a seed, so that the same formulas can be checked on every engine. Numbers stay small, so that no
/// engine overflows (overflow is the one place where engines and the formula language differ).
/// </summary>
internal sealed class FormulaTextGenerator(int seed)
{
    private static readonly string[] Numbers = ["0", "1", "2", "3", "0.5", "2.5", "10", "15"];
    private static readonly string[] Binary = ["+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or"];
    private static readonly string[] Variables = ["x", "y", "z"];
    private readonly Random random = new(seed);

    public string Next() => Expression(4);

    private string Expression(int depth)
    {
        if (depth == 0)
        {
            return Atom();
        }

        return random.Next(12) switch
        {
            0 or 1 => Atom(),
            2 or 3 or 4 or 5 => $"({Expression(depth - 1)} {Binary[random.Next(Binary.Length)]} {Expression(depth - 1)})",
            6 => random.Next(2) == 0 ? $"-({Expression(depth - 1)})" : $"(not ({Expression(depth - 1)}))",
            _ => Call(depth),
        };
    }

    private string Call(int depth)
    {
        string E() => Expression(depth - 1);
        return random.Next(11) switch
        {
            0 => $"min({E()}, {E()})",
            1 => $"max({E()}, {E()}, {E()})",
            2 => $"abs({E()})",
            3 => $"if({E()}, {E()}, {E()})",
            4 => $"coalesce({E()}, {E()})",
            5 => $"missing({E()})",
            6 => $"clamp({E()}, {Numbers[random.Next(4)]}, {Numbers[4 + random.Next(4)]})",
            7 => $"floor({E()})",
            8 => $"ceil({E()})",
            9 => $"sqrt({E()})",
            _ => $"min({E()})",
        };
    }

    private string Atom() => random.Next(5) < 3
        ? Variables[random.Next(Variables.Length)]
        : Numbers[random.Next(Numbers.Length)];

    /// <summary>The values each field takes in the test table: every combination of these, NULL included.</summary>
    public static readonly double?[] FieldValues = [null, 0, 1, -1, 2.5, -0.5, 3];

    public static string Show(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NULL";
}
