using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaColumnEvaluationTests
{
    private const string EveryOperation =
        "if(x > 0 and not (y <= 0) or z = 1, clamp(x / y, -5, 5), coalesce(sqrt(z), missing(y)))"
        + " + min(x, y, z) * max(x - y, 0.5) - round(abs(x), 2) + floor(y) + ceil(z) + (x != y) + (y <> z) + (x >= z)"
        + " + (x < y || y == z) + round(-z)";

    [Fact]
    public void Evaluate_ManyRowsAcrossSeveralBlocks_MatchesScalarPerRow()
    {
        var formula = Parse(EveryOperation);
        var columns = RandomColumns(formula.Variables.Count, 3000, seed: 7);
        var results = new double[3000];

        formula.Evaluate(columns, results);

        for (var r = 0; r < results.Length; r++)
        {
            var scalar = formula.Evaluate([columns[0][r], columns[1][r], columns[2][r]]);
            Assert.True(Bits.Same(scalar, results[r]), $"Row {r}: scalar {Bits.Show(scalar)} but column-wise {Bits.Show(results[r])}.");
        }

        Assert.Contains(results, double.IsNaN);
        Assert.Contains(results, double.IsFinite);
    }

    [Fact]
    public void Evaluate_ResultsOverwritingAColumn_GivesTheSameResults()
    {
        var formula = Parse("x * 2 + y");
        var columns = RandomColumns(2, 2500, seed: 11);
        var expected = new double[2500];
        formula.Evaluate(columns, expected);

        formula.Evaluate(columns, columns[0]);

        Assert.Equal(expected, columns[0]);
    }

    [Fact]
    public void Evaluate_ConstantFormula_FillsEveryRow()
    {
        var results = new double[1500];

        Parse("1 + 2").Evaluate([], results);

        Assert.All(results, value => Assert.Equal(3, value));
    }

    [Fact]
    public void Evaluate_ZeroRows_LeavesNothingToDoButStillChecksColumns()
    {
        var formula = Parse("x + y");

        formula.Evaluate([[], []], Span<double>.Empty);

        Assert.Throws<ArgumentException>(() => formula.Evaluate([[]], Span<double>.Empty));
    }

    [Fact]
    public void Evaluate_WrongNumberOfColumns_ThrowsArgumentException()
    {
        var formula = Parse("x + y");

        var error = Assert.Throws<ArgumentException>(() => formula.Evaluate([new double[3]], new double[3]));

        Assert.Equal("columns", error.ParamName);
    }

    [Fact]
    public void Evaluate_ColumnOfWrongLength_ThrowsArgumentException()
    {
        var formula = Parse("x + y");

        var error = Assert.Throws<ArgumentException>(() => formula.Evaluate([new double[3], new double[2]], new double[3]));

        Assert.Contains("'y'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullColumns_ThrowsArgumentNullException()
    {
        var formula = Parse("x");

        Assert.Throws<ArgumentNullException>(() => formula.Evaluate(null!, new double[1]));
        Assert.Throws<ArgumentNullException>(() => formula.Evaluate([null!], new double[1]));
    }

    [Fact]
    public void Evaluate_StackDeeperThanTheStackallocBuffer_AgreesScalarAndColumnWise()
    {
        // x + (x + (… + x)) keeps one pending operand per level: 150 levels need a stack of 151 values.
        var text = string.Concat(Enumerable.Repeat("x + (", 150)) + "x" + new string(')', 150);
        var formula = Formula.Parse(text, new FormulaLimits { MaxDepth = 200 }).Formula!;
        var results = new double[3];

        formula.Evaluate([[1, 2, double.NaN]], results);

        Assert.Equal(151, formula.Program.MaxStack);
        Assert.Equal([151, 302, double.NaN], results);
        Assert.Equal(302, formula.Evaluate([2.0]));
    }

    [Fact]
    public void Evaluate_Scalar_DoesNotAllocate()
    {
        var small = Parse(EveryOperation);
        var deep = Formula.Parse(string.Concat(Enumerable.Repeat("x + (", 100)) + "x" + new string(')', 100), new FormulaLimits { MaxDepth = 200 }).Formula!;
        ReadOnlySpan<double> values = [1.5, -2, 3];
        var sum = small.Evaluate(values) + deep.Evaluate(values[..1]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            sum += small.Evaluate(values) + deep.Evaluate(values[..1]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum));
    }

    [Fact]
    public void Evaluate_ColumnWise_DoesNotAllocatePerRow()
    {
        var formula = Parse(EveryOperation);
        var columns = RandomColumns(3, 100_000, seed: 3);
        var results = new double[100_000];
        formula.Evaluate(columns, results);

        var before = GC.GetAllocatedBytesForCurrentThread();
        formula.Evaluate(columns, results);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 1024);
    }

    private static Formula Parse(string text) => FormulaTestEnvironment.Parse(text);

    private static double[][] RandomColumns(int count, int rows, int seed)
    {
        var random = new Random(seed);
        double[] special = [double.NaN, 0, -0.0, 1, double.PositiveInfinity, 1e308, -1e308];
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, rows)
            .Select(_ => random.Next(10) == 0 ? special[random.Next(special.Length)] : Math.Round((random.NextDouble() - 0.4) * 20, 3))
            .ToArray())];
    }
}
