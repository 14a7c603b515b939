using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Tests.Scoring.Formulas;

public sealed class FormulaCompilationTests
{
    [Fact]
    public void Parse_ConstantSubexpression_IsFoldedIntoOneConstant() =>
        Assert.Equal(
            [new Instruction(OpCode.Constant, 6), new Instruction(OpCode.Load, Variable: 0), new Instruction(OpCode.Add)],
            Program("2 * 3 + x"));

    [Fact]
    public void Parse_ConstantFormula_IsOneConstant() =>
        Assert.Equal([new Instruction(OpCode.Constant, 6)], Program("round(2.5) * if(1 < 2, 2, 3) - -0"));

    [Fact]
    public void Parse_ConstantFunctionArguments_AreFoldedFromTheLeft() =>
        Assert.Equal(
            [new Instruction(OpCode.Constant, 1), new Instruction(OpCode.Load, Variable: 0), new Instruction(OpCode.Min), new Instruction(OpCode.Constant, 5), new Instruction(OpCode.Min)],
            Program("min(1, 2, x, 5)"));

    [Fact]
    public void Parse_MissingConstant_IsFoldedToNaN()
    {
        var program = Program("sqrt(-1) + x");

        Assert.Equal(3, program.Length);
        Assert.True(double.IsNaN(program[0].Value));
    }

    [Fact]
    public void Parse_VariadicCall_KeepsTheStackShallow()
    {
        var formula = FormulaTestEnvironment.Parse("max(a, b, zero, neg, a, b, zero, neg)");

        Assert.Equal(2, formula.Program.MaxStack);
        Assert.Equal(3, formula.Evaluate([2.0, 3.0, 0.0, -4.0]));
    }

    [Fact]
    public void Parse_RepeatedVariable_LoadsTheSameSlot() =>
        Assert.Equal(
            [new Instruction(OpCode.Load, Variable: 0), new Instruction(OpCode.Load, Variable: 1), new Instruction(OpCode.Multiply), new Instruction(OpCode.Load, Variable: 0), new Instruction(OpCode.Subtract)],
            Program("y * x - y"));

    private static Instruction[] Program(string text) => FormulaTestEnvironment.Parse(text).Program.Instructions.ToArray();
}
