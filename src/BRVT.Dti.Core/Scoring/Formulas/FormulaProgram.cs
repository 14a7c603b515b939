namespace BRVT.Dti.Scoring.Formulas;

/// <summary>A compiled formula: a postfix program for a stack machine.</summary>
/// <remarks>Immutable and thread-safe: nothing writes to the instructions after construction.</remarks>
internal sealed class FormulaProgram
{
    private readonly Instruction[] instructions;

    /// <summary>Wraps a program whose stack effect has been checked.</summary>
    /// <param name="instructions">The instructions, in execution order; they leave exactly one value on the stack.</param>
    /// <param name="maxStack">The largest number of values on the stack at any point (at least 1).</param>
    public FormulaProgram(Instruction[] instructions, int maxStack)
    {
        this.instructions = instructions;
        MaxStack = maxStack;
    }

    /// <summary>The instructions, in execution order.</summary>
    public ReadOnlySpan<Instruction> Instructions => instructions;

    /// <summary>The largest number of values on the stack at any point.</summary>
    public int MaxStack { get; }
}
