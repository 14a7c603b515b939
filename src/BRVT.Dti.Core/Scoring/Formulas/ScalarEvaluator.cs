using System.Buffers;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>Runs a formula program on one set of variable values.</summary>
internal static class ScalarEvaluator
{
    private const int StackallocLimit = 64;

    /// <summary>Evaluates the program without allocating (its stack lives on the thread's stack or in the pool).</summary>
    /// <param name="program">The program.</param>
    /// <param name="variables">The variables' values, in the formula's order.</param>
    /// <returns>The result, finite or NaN.</returns>
    public static double Evaluate(FormulaProgram program, ReadOnlySpan<double> variables)
    {
        double[]? rented = null;
        var stack = program.MaxStack <= StackallocLimit
            ? stackalloc double[StackallocLimit]
            : (rented = ArrayPool<double>.Shared.Rent(program.MaxStack));
        try
        {
            return Run(program.Instructions, variables, stack);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static double Run(ReadOnlySpan<Instruction> instructions, ReadOnlySpan<double> variables, Span<double> stack)
    {
        var top = 0;
        foreach (ref readonly var instruction in instructions)
        {
            switch (instruction.Op)
            {
                case OpCode.Constant:
                    stack[top++] = instruction.Value;
                    break;
                case OpCode.Load:
                    stack[top++] = FormulaMath.Finite(variables[instruction.Variable]);
                    break;
                default:
                    var arity = instruction.Arity;
                    top -= arity;
                    stack[top] = FormulaMath.Apply(instruction.Op, stack.Slice(top, arity));
                    top++;
                    break;
            }
        }

        return stack[0];
    }
}
