namespace BRVT.Dti.Scoring.Formulas;

/// <summary>One token of a formula's text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The 0-based index of its first character.</param>
/// <param name="Length">Its number of characters; 0 for <see cref="TokenKind.End"/>.</param>
/// <param name="Number">The value of a <see cref="TokenKind.Number"/> token; otherwise 0.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, double Number = 0)
{
    /// <summary>The 1-based column of the token, as errors report it.</summary>
    public int Column => Start + 1;

    /// <summary>The index just past the token.</summary>
    public int End => Start + Length;

    /// <summary>The token's text.</summary>
    /// <param name="text">The formula's text.</param>
    /// <returns>The characters the token covers.</returns>
    public string TextIn(string text) => text.Substring(Start, Length);
}
