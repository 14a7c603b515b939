using System.Globalization;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>Splits a formula's text into tokens, reporting characters and numbers it cannot read.</summary>
/// <remarks>
/// Each unreadable run becomes one <see cref="TokenKind.Invalid"/> token with one error, and lexing goes on, so that
/// every bad character is reported. The token list always ends with one <see cref="TokenKind.End"/> token.
/// </remarks>
internal static class FormulaLexer
{
    /// <summary>Splits <paramref name="text"/> into tokens.</summary>
    /// <param name="text">The formula's text.</param>
    /// <param name="errors">Receives an error for each unreadable run of characters.</param>
    /// <returns>The tokens, ending with <see cref="TokenKind.End"/>.</returns>
    public static List<Token> Tokenize(string text, List<FormulaError> errors)
    {
        var tokens = new List<Token>();
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (char.IsWhiteSpace(c))
            {
                index++;
                continue;
            }

            var token = char.IsAsciiDigit(c) || (c == '.' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]))
                ? ReadNumber(text, index, errors)
                : IsIdentifierStart(c) ? ReadWord(text, index) : ReadSymbol(text, index, errors);
            tokens.Add(token);
            index = token.End;
        }

        tokens.Add(new Token(TokenKind.End, tokens.Count == 0 ? 0 : tokens[^1].End, 0));
        return tokens;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int SkipDigits(string text, int index)
    {
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index;
    }

    private static Token ReadNumber(string text, int start, List<FormulaError> errors)
    {
        var index = SkipDigits(text, start);
        var wellFormed = true;
        if (index < text.Length && text[index] == '.')
        {
            var fraction = index + 1;
            index = SkipDigits(text, fraction);
            wellFormed = index > fraction;
        }

        if (wellFormed && index < text.Length && (text[index] == 'e' || text[index] == 'E'))
        {
            var exponent = index + 1;
            if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                index = SkipDigits(text, exponent);
            }
        }

        if (!wellFormed || (index < text.Length && (IsIdentifierPart(text[index]) || text[index] == '.')))
        {
            // A malformed number ("1.", "1e", "2x", "1.2.3"): report the whole run once.
            while (index < text.Length && (IsIdentifierPart(text[index]) || text[index] == '.'))
            {
                index++;
            }

            return Invalid(text, start, index - start, errors, FormulaMessages.InvalidNumber);
        }

        var span = text.AsSpan(start, index - start);
        if (!double.TryParse(span, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return Invalid(text, start, index - start, errors, FormulaMessages.InvalidNumber);
        }

        return double.IsFinite(value)
            ? new Token(TokenKind.Number, start, index - start, value)
            : Invalid(text, start, index - start, errors, FormulaMessages.NumberOutOfRange);
    }

    private static Token ReadWord(string text, int start)
    {
        var index = start + 1;
        while (index < text.Length && IsIdentifierPart(text[index]))
        {
            index++;
        }

        var word = text.AsSpan(start, index - start);
        var kind = word.Equals("and", StringComparison.OrdinalIgnoreCase) ? TokenKind.And
            : word.Equals("or", StringComparison.OrdinalIgnoreCase) ? TokenKind.Or
            : word.Equals("not", StringComparison.OrdinalIgnoreCase) ? TokenKind.Not
            : TokenKind.Identifier;
        return new Token(kind, start, index - start);
    }

    private static Token ReadSymbol(string text, int start, List<FormulaError> errors)
    {
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        return text[start] switch
        {
            '+' => new Token(TokenKind.Plus, start, 1),
            '-' => new Token(TokenKind.Minus, start, 1),
            '*' => new Token(TokenKind.Star, start, 1),
            '/' => new Token(TokenKind.Slash, start, 1),
            '(' => new Token(TokenKind.OpenParen, start, 1),
            ')' => new Token(TokenKind.CloseParen, start, 1),
            ',' => new Token(TokenKind.Comma, start, 1),
            '=' => new Token(TokenKind.Equal, start, next == '=' ? 2 : 1),
            '!' => next == '=' ? new Token(TokenKind.NotEqual, start, 2) : new Token(TokenKind.Not, start, 1),
            '<' => next switch
            {
                '=' => new Token(TokenKind.LessOrEqual, start, 2),
                '>' => new Token(TokenKind.NotEqual, start, 2),
                _ => new Token(TokenKind.Less, start, 1),
            },
            '>' => next == '=' ? new Token(TokenKind.GreaterOrEqual, start, 2) : new Token(TokenKind.Greater, start, 1),
            '&' when next == '&' => new Token(TokenKind.And, start, 2),
            '|' when next == '|' => new Token(TokenKind.Or, start, 2),
            _ => Invalid(text, start, char.IsHighSurrogate(text[start]) && char.IsLowSurrogate(next) ? 2 : 1, errors, FormulaMessages.UnexpectedCharacter),
        };
    }

    private static Token Invalid(string text, int start, int length, List<FormulaError> errors, Func<string, string> message)
    {
        errors.Add(new FormulaError(start + 1, length, message(text.Substring(start, length))));
        return new Token(TokenKind.Invalid, start, length);
    }
}
