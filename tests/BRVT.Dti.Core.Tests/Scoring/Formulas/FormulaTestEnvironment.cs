using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>Evaluates example formulas over a fixed set of variables, both scalar and column-wise.</summary>
internal static class FormulaTestEnvironment
{
    /// <summary>The variables examples may use: a = 2, b = 3, zero = 0, neg = -4, m (missing) and inf.</summary>
    public static readonly IReadOnlyDictionary<string, double> Values = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["a"] = 2,
        ["b"] = 3,
        ["zero"] = 0,
        ["neg"] = -4,
        ["m"] = double.NaN,
        ["inf"] = double.PositiveInfinity,
    };

    public static Formula Parse(string text)
    {
        var result = Formula.Parse(text);
        Assert.True(result.Success, $"'{text}' did not parse: {string.Join("; ", result.Errors)}");
        Assert.Empty(result.Errors);
        return result.Formula!;
    }

    /// <summary>Evaluates a formula scalar and column-wise, asserts both agree bit for bit, and returns the result.</summary>
    public static double Evaluate(string text)
    {
        var formula = Parse(text);
        var values = formula.Variables.Select(name => Values[name]).ToArray();
        var scalar = formula.Evaluate(values);

        var results = new double[1];
        formula.Evaluate([.. values.Select(value => new[] { value })], results);

        Assert.True(Bits.Same(scalar, results[0]), $"'{text}': scalar {Bits.Show(scalar)} but column-wise {Bits.Show(results[0])}.");
        return scalar;
    }
}
