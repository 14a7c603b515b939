using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// Parses the tokens of a formula by precedence climbing and emits postfix code directly into a
/// <see cref="ProgramBuilder"/>. Recursion happens only on nested parentheses, calls and unary operators, and is
/// bounded by <see cref="FormulaLimits.MaxDepth"/> and by the stack space left, so no input can overflow the stack.
/// </summary>
/// <remarks>
/// A syntax error stops the parse (the rest of the text cannot be read reliably); an unknown function, a wrong number
/// of arguments, a bad number of digits or a chained comparison is reported and parsing goes on, so that one pass
/// reports as much as it can.
/// </remarks>
internal sealed class FormulaParser
{
    private const int OrPower = 1;
    private const int AndPower = 2;
    private const int NotPower = 3;
    private const int ComparisonPower = 4;
    private const int AdditivePower = 5;
    private const int MultiplicativePower = 6;
    private const int UnaryPower = 7;

    private readonly string text;
    private readonly FormulaLimits limits;
    private readonly List<Token> tokens;
    private readonly List<FormulaError> errors;
    private readonly ProgramBuilder builder = new();
    private readonly Dictionary<string, int> variableIndex = new(StringComparer.Ordinal);
    private readonly List<string> variables = [];
    private int position;
    private int depth;
    private int nodes;

    private FormulaParser(string text, FormulaLimits limits, List<Token> tokens, List<FormulaError> errors)
    {
        this.text = text;
        this.limits = limits;
        this.tokens = tokens;
        this.errors = errors;
    }

    /// <summary>Parses a formula; never throws for any text.</summary>
    /// <param name="text">The formula's text.</param>
    /// <param name="limits">The limits on its size.</param>
    /// <returns>The formula or the errors.</returns>
    public static FormulaParseResult Parse(string text, FormulaLimits limits)
    {
        if (text.Length > limits.MaxLength)
        {
            return new FormulaParseResult(null, [new FormulaError(1, text.Length, FormulaMessages.TooLong(text.Length, limits.MaxLength))]);
        }

        var errors = new List<FormulaError>();
        var tokens = FormulaLexer.Tokenize(text, errors);
        return new FormulaParser(text, limits, tokens, errors).ParseFormula();
    }

    private Token Current => tokens[position];

    private FormulaParseResult ParseFormula()
    {
        if (Current.Kind == TokenKind.End)
        {
            errors.Add(new FormulaError(1, text.Length, FormulaMessages.Empty));
        }
        else if (ParseExpression(0) && Current.Kind != TokenKind.End)
        {
            Fail(Current, Current.Kind switch
            {
                TokenKind.CloseParen => FormulaMessages.UnmatchedCloseParen,
                TokenKind.Comma => FormulaMessages.UnexpectedComma,
                _ => FormulaMessages.MissingOperator(Current.TextIn(text)),
            });
        }

        if (errors.Count > 0)
        {
            builder.Fault();
            return new FormulaParseResult(null, [.. errors.OrderBy(error => error.Column)]);
        }

        var formula = new Formula(text, new ReadOnlyCollection<string>([.. variables]), builder.Build());
        return new FormulaParseResult(formula, []);
    }

    /// <summary>Parses operators binding at least as tightly as <paramref name="minPower"/>, after an operand.</summary>
    private bool ParseExpression(int minPower)
    {
        if (!ParseOperand(minPower))
        {
            return false;
        }

        var leftIsComparison = false;
        while (true)
        {
            var op = Current;
            var (power, code) = Binary(op.Kind);
            if (power == 0 || power < minPower)
            {
                return true;
            }

            var isComparison = power == ComparisonPower;
            if (isComparison && leftIsComparison)
            {
                Report(op, FormulaMessages.ChainedComparison(op.TextIn(text)));
            }

            position++;
            if (!CountNode(op) || !ParseExpression(power + 1))
            {
                return false;
            }

            builder.Operation(code);
            leftIsComparison = isComparison;
        }
    }

    private bool ParseOperand(int minPower)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                position++;
                builder.Constant(token.Number);
                return CountNode(token);
            case TokenKind.Identifier when tokens[position + 1].Kind == TokenKind.OpenParen:
                return ParseCall();
            case TokenKind.Identifier:
                position++;
                builder.Load(VariableIndex(token.TextIn(text)));
                return CountNode(token);
            case TokenKind.OpenParen:
                return ParseGroup();
            case TokenKind.Minus:
                return ParsePrefix(UnaryPower, OpCode.Negate);
            case TokenKind.Plus:
                return ParsePrefix(UnaryPower, null);
            case TokenKind.Not when minPower > NotPower:
                return Fail(token, FormulaMessages.NotNeedsParentheses(token.TextIn(text)));
            case TokenKind.Not:
                return ParsePrefix(NotPower, OpCode.Not);
            default:
                return Fail(token, OperandExpected(token));
        }
    }

    private string OperandExpected(Token token)
    {
        var previous = position > 0 ? tokens[position - 1] : default;
        return token.Kind switch
        {
            TokenKind.End when position > 0 => FormulaMessages.UnexpectedEnd(previous.TextIn(text)),
            TokenKind.CloseParen when position > 0 && previous.Kind == TokenKind.OpenParen => FormulaMessages.EmptyParentheses,
            TokenKind.CloseParen when position > 0 && previous.Kind == TokenKind.Comma => FormulaMessages.MissingArgument,
            _ => FormulaMessages.OperandMissingBefore(token.TextIn(text)),
        };
    }

    private bool ParsePrefix(int operandPower, OpCode? code)
    {
        var op = tokens[position++];
        if (!CountNode(op) || !Enter(op) || !ParseExpression(operandPower))
        {
            return false;
        }

        depth--;
        if (code is { } operation)
        {
            builder.Operation(operation);
        }

        return true;
    }

    private bool ParseGroup()
    {
        var open = tokens[position++];
        if (!Enter(open) || !ParseExpression(0))
        {
            return false;
        }

        var close = Current;
        if (close.Kind != TokenKind.CloseParen)
        {
            return close.Kind == TokenKind.End
                ? Fail(open, FormulaMessages.Unclosed(open.Column))
                : Fail(close, FormulaMessages.ExpectedCloseParen(close.TextIn(text), open.Column));
        }

        position++;
        depth--;
        return true;
    }

    private bool ParseCall()
    {
        var name = tokens[position];
        var open = tokens[position + 1];
        position += 2;
        var nameText = name.TextIn(text);
        if (!FunctionCatalog.TryFind(nameText, out var signature))
        {
            Report(name, FormulaMessages.UnknownFunction(nameText));
        }

        if (!CountNode(name) || !Enter(open) || !ParseArguments(name, open, signature, out var count, out var last))
        {
            return false;
        }

        depth--;
        if (signature is not null)
        {
            CompleteCall(name, signature, count, last);
        }

        return true;
    }

    /// <summary>
    /// Parses the arguments of a call up to and including its ')'. A variadic function's operation is emitted between
    /// arguments, so that <c>min(a, b, c)</c> becomes <c>min(min(a, b), c)</c> and needs no deeper stack.
    /// </summary>
    /// <param name="name">The function's name.</param>
    /// <param name="open">The call's '('.</param>
    /// <param name="signature">The function, or <see langword="null"/> when it is unknown.</param>
    /// <param name="count">Receives the number of arguments.</param>
    /// <param name="last">Receives the first token of the last argument, for errors about it.</param>
    /// <returns><see langword="false"/> when a syntax error stopped the parse.</returns>
    private bool ParseArguments(Token name, Token open, FunctionSignature? signature, out int count, out Token last)
    {
        count = 0;
        last = default;
        if (Current.Kind == TokenKind.CloseParen)
        {
            position++;
            return true;
        }

        while (true)
        {
            last = Current;
            if (!ParseExpression(0))
            {
                return false;
            }

            count++;
            if (signature is { IsVariadic: true } && count >= 2)
            {
                builder.Operation(signature.Op);
            }

            var separator = Current;
            if (separator.Kind is not (TokenKind.Comma or TokenKind.CloseParen))
            {
                return separator.Kind == TokenKind.End
                    ? Fail(open, FormulaMessages.Unclosed(open.Column))
                    : Fail(separator, FormulaMessages.ExpectedCommaOrClose(separator.TextIn(text), name.TextIn(text)));
            }

            position++;
            if (separator.Kind == TokenKind.CloseParen)
            {
                return true;
            }
        }
    }

    /// <summary>Checks the number of arguments (and round's digits) of a parsed call, and emits its operation.</summary>
    private void CompleteCall(Token name, FunctionSignature signature, int count, Token last)
    {
        var close = tokens[position - 1];
        if (!signature.Accepts(count))
        {
            Report(name, FormulaMessages.WrongArity(name.TextIn(text), signature, count), close.End - name.Start);
            return;
        }

        if (signature.IsVariadic)
        {
            return;
        }

        var code = signature.OpFor(count);
        if (code == OpCode.RoundDigits && builder.TryGetLastConstant(out var digits) && !IsValidDigits(digits))
        {
            var lastEnd = tokens[position - 2].End;
            Report(last, FormulaMessages.RoundDigits(digits), lastEnd - last.Start);
        }

        builder.Operation(code);
    }

    private static bool IsValidDigits(double digits) => digits is >= 0 and <= 15 && digits == Math.Floor(digits);

    private static (int Power, OpCode Code) Binary(TokenKind kind) => kind switch
    {
        TokenKind.Or => (OrPower, OpCode.Or),
        TokenKind.And => (AndPower, OpCode.And),
        TokenKind.Equal => (ComparisonPower, OpCode.Equal),
        TokenKind.NotEqual => (ComparisonPower, OpCode.NotEqual),
        TokenKind.Less => (ComparisonPower, OpCode.Less),
        TokenKind.LessOrEqual => (ComparisonPower, OpCode.LessOrEqual),
        TokenKind.Greater => (ComparisonPower, OpCode.Greater),
        TokenKind.GreaterOrEqual => (ComparisonPower, OpCode.GreaterOrEqual),
        TokenKind.Plus => (AdditivePower, OpCode.Add),
        TokenKind.Minus => (AdditivePower, OpCode.Subtract),
        TokenKind.Star => (MultiplicativePower, OpCode.Multiply),
        TokenKind.Slash => (MultiplicativePower, OpCode.Divide),
        _ => (0, OpCode.Constant),
    };

    private int VariableIndex(string name)
    {
        if (!variableIndex.TryGetValue(name, out var index))
        {
            index = variables.Count;
            variableIndex.Add(name, index);
            variables.Add(name);
        }

        return index;
    }

    /// <summary>Counts one syntax node; fails when there are too many.</summary>
    private bool CountNode(Token token) =>
        ++nodes <= limits.MaxNodes || Fail(token, FormulaMessages.TooManyNodes(limits.MaxNodes));

    /// <summary>Enters one nesting level; fails when the limit is crossed or the thread's stack runs low.</summary>
    private bool Enter(Token token)
    {
        if (++depth > limits.MaxDepth)
        {
            return Fail(token, FormulaMessages.TooDeep(limits.MaxDepth));
        }

        return RuntimeHelpers.TryEnsureSufficientExecutionStack() || Fail(token, FormulaMessages.TooDeepForStack(depth));
    }

    /// <summary>Reports an error that does not stop the parse.</summary>
    private void Report(Token token, string message, int? length = null)
    {
        builder.Fault();
        errors.Add(new FormulaError(token.Column, length ?? token.Length, message));
    }

    /// <summary>Reports a syntax error, unless the lexer already reported the token, and stops the parse.</summary>
    private bool Fail(Token token, string message)
    {
        if (token.Kind == TokenKind.Invalid)
        {
            builder.Fault();
        }
        else
        {
            Report(token, message);
        }

        return false;
    }
}
