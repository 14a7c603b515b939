namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// Collects the postfix instructions the parser emits, folding operations whose operands are all constants.
/// </summary>
/// <remarks>
/// In postfix code an operand that is a single constant is exactly one <see cref="OpCode.Constant"/> instruction,
/// and any longer operand ends with an operation; so when the last <c>n</c> instructions are constants, they are
/// exactly the <c>n</c> operands of the operation being emitted. Folding uses <see cref="FormulaMath.Apply"/>, the
/// same code that evaluation runs, so a folded formula gives bit-identical results.
/// Once <see cref="Fault"/> is called (the text has an error), emitting does nothing.
/// </remarks>
internal sealed class ProgramBuilder
{
    private readonly List<Instruction> code = [];
    private bool faulted;

    /// <summary>Stops emitting: the program will not be built.</summary>
    public void Fault() => faulted = true;

    /// <summary>Emits a constant.</summary>
    /// <param name="value">A finite value.</param>
    public void Constant(double value)
    {
        if (!faulted)
        {
            code.Add(new Instruction(OpCode.Constant, value));
        }
    }

    /// <summary>Emits the loading of a variable.</summary>
    /// <param name="variable">The variable's index in the formula's variables.</param>
    public void Load(int variable)
    {
        if (!faulted)
        {
            code.Add(new Instruction(OpCode.Load, Variable: variable));
        }
    }

    /// <summary>Emits an operation on the operands emitted last, folding it when they are all constants.</summary>
    /// <param name="op">The operation.</param>
    public void Operation(OpCode op)
    {
        if (faulted)
        {
            return;
        }

        var instruction = new Instruction(op);
        var arity = instruction.Arity;
        var first = code.Count - arity;
        if (first < 0)
        {
            throw new InvalidOperationException("An operation was emitted without its operands.");
        }

        Span<double> operands = stackalloc double[3];
        for (var i = 0; i < arity; i++)
        {
            var operand = code[first + i];
            if (operand.Op != OpCode.Constant)
            {
                code.Add(instruction);
                return;
            }

            operands[i] = operand.Value;
        }

        var value = FormulaMath.Apply(op, operands[..arity]);
        code.RemoveRange(first, arity);
        code.Add(new Instruction(OpCode.Constant, value));
    }

    /// <summary>Whether the operand emitted last is a constant, and which.</summary>
    /// <param name="value">The constant, when it is one.</param>
    /// <returns><see langword="true"/> when the last instruction is a constant.</returns>
    public bool TryGetLastConstant(out double value)
    {
        if (!faulted && code.Count > 0 && code[^1].Op == OpCode.Constant)
        {
            value = code[^1].Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Builds the program, checking its stack effect.</summary>
    /// <returns>The program.</returns>
    /// <exception cref="InvalidOperationException">The builder faulted, or the code does not leave one value.</exception>
    public FormulaProgram Build()
    {
        if (faulted)
        {
            throw new InvalidOperationException("The formula has errors; no program can be built.");
        }

        int depth = 0, maxDepth = 0;
        foreach (var instruction in code)
        {
            var arity = instruction.Arity;
            if (depth < arity)
            {
                throw new InvalidOperationException("The program pops more values than it pushed.");
            }

            depth += 1 - arity;
            maxDepth = Math.Max(maxDepth, depth);
        }

        return depth == 1
            ? new FormulaProgram([.. code], maxDepth)
            : throw new InvalidOperationException("The program must leave exactly one value on the stack.");
    }
}
