using System.Buffers;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// Runs a formula program over many rows at once: each instruction processes a whole block of rows, on a stack of
/// pooled buffers (one per stack slot). Blocks of <see cref="BlockSize"/> rows keep the buffers small and in cache.
/// </summary>
/// <remarks>
/// Every element goes through the same <see cref="FormulaMath"/> functions as <see cref="ScalarEvaluator"/>, in the
/// same order, so the results are bit-identical. <c>if</c> evaluates both branches for every row, which is safe
/// because nothing has side effects. Rows are read from the columns before the block's results are written, so the
/// results may overwrite one of the columns.
/// </remarks>
internal static class ColumnEvaluator
{
    /// <summary>The number of rows processed per instruction.</summary>
    public const int BlockSize = 1024;

    /// <summary>Evaluates the program for every row.</summary>
    /// <param name="program">The program.</param>
    /// <param name="columns">One column per variable, each as long as <paramref name="results"/>.</param>
    /// <param name="results">Receives one result per row.</param>
    public static void Evaluate(FormulaProgram program, IReadOnlyList<double[]> columns, Span<double> results) =>
        Evaluate(program, new ArrayColumns(columns), results);

    /// <summary>Evaluates the program for every row, reading a rule kernel's input columns in place.</summary>
    /// <param name="program">The program.</param>
    /// <param name="inputs">One column per variable, each as long as <paramref name="results"/>.</param>
    /// <param name="results">Receives one result per row.</param>
    public static void Evaluate(FormulaProgram program, RuleInputs inputs, Span<double> results) =>
        Evaluate(program, new InputColumns(inputs), results);

    /// <summary>Evaluates the program for the first rows of some columns: variable v reads <paramref name="columns"/>[<paramref name="fields"/>[v]].</summary>
    /// <param name="program">The program.</param>
    /// <param name="columns">Columns at least as long as <paramref name="results"/>.</param>
    /// <param name="fields">The column of each variable.</param>
    /// <param name="offset">Where row 0 is in the columns.</param>
    /// <param name="results">Receives one result per row.</param>
    public static void Evaluate(FormulaProgram program, IReadOnlyList<double[]> columns, int[] fields, int offset, Span<double> results) =>
        Evaluate(program, new FieldColumns(columns, fields, offset), results);

    private static void Evaluate<TColumns>(FormulaProgram program, TColumns columns, Span<double> results)
        where TColumns : struct, IColumns
    {
        if (results.IsEmpty)
        {
            return;
        }

        var blockSize = Math.Min(results.Length, BlockSize);
        var stack = ArrayPool<double[]>.Shared.Rent(program.MaxStack);
        Array.Clear(stack);
        try
        {
            for (var slot = 0; slot < program.MaxStack; slot++)
            {
                stack[slot] = ArrayPool<double>.Shared.Rent(blockSize);
            }

            for (var start = 0; start < results.Length; start += blockSize)
            {
                var length = Math.Min(blockSize, results.Length - start);
                Run(program.Instructions, columns, start, length, stack);
                stack[0].AsSpan(0, length).CopyTo(results.Slice(start, length));
            }
        }
        finally
        {
            for (var slot = 0; slot < program.MaxStack && stack[slot] is { } buffer; slot++)
            {
                ArrayPool<double>.Shared.Return(buffer);
            }

            ArrayPool<double[]>.Shared.Return(stack, clearArray: true);
        }
    }

    private static void Run<TColumns>(ReadOnlySpan<Instruction> instructions, TColumns columns, int start, int length, double[][] stack)
        where TColumns : struct, IColumns
    {
        var top = 0;
        foreach (ref readonly var instruction in instructions)
        {
            switch (instruction.Op)
            {
                case OpCode.Constant:
                    stack[top++].AsSpan(0, length).Fill(instruction.Value);
                    break;
                case OpCode.Load:
                    Load(columns.Column(instruction.Variable).Slice(start, length), stack[top++].AsSpan(0, length));
                    break;
                default:
                    var arity = instruction.Arity;
                    top -= arity;
                    var target = stack[top].AsSpan(0, length);
                    switch (arity)
                    {
                        case 1:
                            ColumnKernels.Unary(instruction.Op, target);
                            break;
                        case 2:
                            ColumnKernels.Binary(instruction.Op, target, stack[top + 1].AsSpan(0, length));
                            break;
                        default:
                            ColumnKernels.Ternary(instruction.Op, target, stack[top + 1].AsSpan(0, length), stack[top + 2].AsSpan(0, length));
                            break;
                    }

                    top++;
                    break;
            }
        }
    }

    private static void Load(ReadOnlySpan<double> source, Span<double> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = FormulaMath.Finite(source[i]);
        }
    }

    /// <summary>Where the variables' columns come from (a struct, so each source gets its own compiled loop).</summary>
    private interface IColumns
    {
        ReadOnlySpan<double> Column(int variable);
    }

    private readonly struct ArrayColumns(IReadOnlyList<double[]> columns) : IColumns
    {
        public ReadOnlySpan<double> Column(int variable) => columns[variable];
    }

    private readonly struct FieldColumns(IReadOnlyList<double[]> columns, int[] fields, int offset) : IColumns
    {
        public ReadOnlySpan<double> Column(int variable) => columns[fields[variable]].AsSpan(offset);
    }

    private readonly struct InputColumns(RuleInputs inputs) : IColumns
    {
        public ReadOnlySpan<double> Column(int variable) => inputs.Column(variable);
    }
}
