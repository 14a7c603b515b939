using System.Globalization;

namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>A generated well-formed expression over x, y and z, and rows of values for those variables.</summary>
/// <param name="Expression">The expression tree.</param>
/// <param name="Rows">Each row holds the values of x, y and z, in that order.</param>
public sealed record FormulaCase(TestExpression Expression, double[][] Rows)
{
    public static readonly string[] Names = ["x", "y", "z"];

    public string Text { get; } = Expression.Render();

    public IReadOnlyDictionary<string, double> Row(int index) =>
        Names.Select((name, i) => (name, value: Rows[index][i])).ToDictionary(pair => pair.name, pair => pair.value);

    public override string ToString() =>
        $"{Text} with {Rows.Length} row(s), first: "
        + (Rows.Length == 0 ? "none" : string.Join(", ", Rows[0].Select(value => value.ToString("R", CultureInfo.InvariantCulture))));
}
