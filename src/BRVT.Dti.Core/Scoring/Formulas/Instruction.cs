namespace BRVT.Dti.Scoring.Formulas;

/// <summary>One instruction of a compiled formula.</summary>
/// <param name="Op">What the instruction does.</param>
/// <param name="Value">The value a <see cref="OpCode.Constant"/> pushes; otherwise 0.</param>
/// <param name="Variable">The variable a <see cref="OpCode.Load"/> pushes; otherwise 0.</param>
internal readonly record struct Instruction(OpCode Op, double Value = 0, int Variable = 0)
{
    /// <summary>How many operands the instruction pops before pushing its result.</summary>
    public int Arity => Op switch
    {
        OpCode.Constant or OpCode.Load => 0,
        OpCode.Negate or OpCode.Not or OpCode.Abs or OpCode.Round or OpCode.Floor or OpCode.Ceiling or OpCode.Sqrt
            or OpCode.Missing => 1,
        OpCode.Clamp or OpCode.If => 3,
        _ => 2,
    };
}
