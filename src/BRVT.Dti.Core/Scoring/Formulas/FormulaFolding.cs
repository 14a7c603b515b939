namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// Walks a compiled postfix program with a stack of the folder's results, so that outside code can see a formula's
/// structure without seeing its instructions. No recursion: the depth of the formula cannot overflow the stack.
/// </summary>
internal static class FormulaFolding
{
    /// <summary>Folds a program.</summary>
    /// <typeparam name="T">The folder's result type.</typeparam>
    /// <param name="program">The program.</param>
    /// <param name="variables">The formula's variables, by index.</param>
    /// <param name="folder">The folder.</param>
    /// <returns>The folder's result for the whole formula.</returns>
    public static T Fold<T>(FormulaProgram program, IReadOnlyList<string> variables, IFormulaFolder<T> folder)
    {
        var stack = new T[program.MaxStack];
        var top = 0;
        foreach (var instruction in program.Instructions)
        {
            switch (instruction.Op)
            {
                case OpCode.Constant:
                    stack[top++] = folder.Number(instruction.Value);
                    continue;
                case OpCode.Load:
                    stack[top++] = folder.Variable(variables[instruction.Variable]);
                    continue;
            }

            var arity = instruction.Arity;
            top -= arity;
            T result;
            if (Unary(instruction.Op) is { } unary)
            {
                result = folder.Unary(unary, stack[top]);
            }
            else if (Binary(instruction.Op) is { } binary)
            {
                result = folder.Binary(binary, stack[top], stack[top + 1]);
            }
            else
            {
                result = folder.Call(FunctionName(instruction.Op), stack.AsSpan(top, arity).ToArray());
            }

            stack[top++] = result;
        }

        return stack[0];
    }

    private static FormulaUnaryOperator? Unary(OpCode op) => op switch
    {
        OpCode.Negate => FormulaUnaryOperator.Negate,
        OpCode.Not => FormulaUnaryOperator.Not,
        _ => null,
    };

    private static FormulaBinaryOperator? Binary(OpCode op) => op switch
    {
        OpCode.Add => FormulaBinaryOperator.Add,
        OpCode.Subtract => FormulaBinaryOperator.Subtract,
        OpCode.Multiply => FormulaBinaryOperator.Multiply,
        OpCode.Divide => FormulaBinaryOperator.Divide,
        OpCode.Equal => FormulaBinaryOperator.Equal,
        OpCode.NotEqual => FormulaBinaryOperator.NotEqual,
        OpCode.Less => FormulaBinaryOperator.Less,
        OpCode.LessOrEqual => FormulaBinaryOperator.LessOrEqual,
        OpCode.Greater => FormulaBinaryOperator.Greater,
        OpCode.GreaterOrEqual => FormulaBinaryOperator.GreaterOrEqual,
        OpCode.And => FormulaBinaryOperator.And,
        OpCode.Or => FormulaBinaryOperator.Or,
        _ => null,
    };

    private static string FunctionName(OpCode op) => op switch
    {
        OpCode.Min => "min",
        OpCode.Max => "max",
        OpCode.Clamp => "clamp",
        OpCode.If => "if",
        OpCode.Abs => "abs",
        OpCode.Round or OpCode.RoundDigits => "round",
        OpCode.Floor => "floor",
        OpCode.Ceiling => "ceil",
        OpCode.Sqrt => "sqrt",
        OpCode.Coalesce => "coalesce",
        OpCode.Missing => "missing",
        _ => throw new InvalidOperationException($"The instruction {op} has no function name."),
    };
}
