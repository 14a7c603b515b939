using System.Globalization;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>The texts of parse errors: each says what is wrong and how to fix it.</summary>
internal static class FormulaMessages
{
    private const string Operand = "a number, a measure id, a function call or '('";

    public static string TooLong(int length, int max) => Invariant(
        $"The formula is {length} characters long; the limit is {max}. Split it into measures computed from other measures.");

    public static string Empty => "The formula is empty. Write an expression such as 'online / received * 100'.";

    public static string UnexpectedCharacter(string character) => character switch
    {
        "&" => "Unexpected '&'. Write '&&' or 'and' for a logical and.",
        "|" => "Unexpected '|'. Write '||' or 'or' for a logical or.",
        "." => "Unexpected '.'. A decimal number needs a digit after the point, e.g. '.5' or '0.5'.",
        _ => $"Unexpected character '{character}'. Formulas use numbers, measure ids (ASCII letters, digits and '_'), "
            + "+ - * / ( ) , comparisons, and/or/not and functions.",
    };

    public static string InvalidNumber(string text) =>
        $"Invalid number '{text}'. Write numbers like 12, 3.5, .5, 1e3 or 2.5E-2, and put an operator between a number "
        + "and a name (e.g. '2 * x').";

    public static string NumberOutOfRange(string text) => Invariant(
        $"The number '{text}' is out of range. Numbers must lie between -{double.MaxValue:R} and {double.MaxValue:R}.");

    public static string UnexpectedEnd(string after) =>
        $"The formula ends after '{after}', but an operand is missing. Add {Operand}.";

    public static string EmptyParentheses => $"Empty parentheses. Put an expression between '(' and ')': {Operand}.";

    public static string MissingArgument => "An argument is missing after ','. Add the argument or remove the ','.";

    public static string OperandMissingBefore(string token) =>
        $"Unexpected '{token}': an operand is missing before it. Add {Operand}.";

    public static string NotNeedsParentheses(string token) =>
        $"'{token}' cannot stand here without parentheses. Write '({token} …)', e.g. 'a * ({token} b)'.";

    public static string Unclosed(int column) => Invariant(
        $"The '(' at column {column} is never closed. Add ')' where its expression ends.");

    public static string ExpectedCloseParen(string token, int column) => Invariant(
        $"Unexpected '{token}'. Expected an operator or the ')' that closes the '(' at column {column}.");

    public static string ExpectedCommaOrClose(string token, string function) =>
        $"Unexpected '{token}' in the call of '{function}'. Separate arguments with ',' and close the call with ')'.";

    public static string UnmatchedCloseParen => "This ')' has no matching '('. Remove it or add the missing '('.";

    public static string UnexpectedComma => "Unexpected ','. Commas only separate the arguments of a function call.";

    public static string MissingOperator(string token) =>
        $"Unexpected '{token}' after a complete expression. Put an operator (e.g. '+' or '*') before it, or remove it.";

    public static string UnknownFunction(string name) =>
        $"Unknown function '{name}'. Use one of: {FunctionCatalog.Names}.";

    public static string WrongArity(string name, FunctionSignature signature, int given)
    {
        var expected = signature switch
        {
            { IsVariadic: true } => Invariant($"at least {signature.MinArguments} argument{Plural(signature.MinArguments)}"),
            _ when signature.MinArguments == signature.MaxArguments =>
                Invariant($"{signature.MinArguments} argument{Plural(signature.MinArguments)}"),
            _ => Invariant($"{signature.MinArguments} or {signature.MaxArguments} arguments"),
        };
        var was = given switch
        {
            0 => "none was",
            1 => "1 was",
            _ => Invariant($"{given} were"),
        };
        return $"Function '{name}' takes {expected}, but {was} given. Write {signature.Usage}.";
    }

    public static string RoundDigits(double digits) => Invariant(
        $"round(x, digits) needs a whole number of digits from 0 to 15, not {digits:R}. Write e.g. round(x, 2).");

    public static string ChainedComparison(string token) =>
        $"Comparisons cannot be chained: '{token}' follows another comparison. Join them with 'and', "
        + "e.g. 'a < b and b < c', or add parentheses.";

    public static string TooDeep(int max) => Invariant(
        $"The formula is nested more than {max} levels deep. Simplify it or split it into measures computed from other measures.");

    public static string TooDeepForStack(int depth) => Invariant(
        $"The formula is nested too deeply to parse ({depth} levels reached). Simplify it or split it into measures computed from other measures.");

    public static string TooManyNodes(int max) => Invariant(
        $"The formula has more than {max} parts (numbers, measure ids, operators and calls). Split it into measures computed from other measures.");

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Invariant(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
