namespace BRVT.Dti.Scoring.Formulas;

/// <summary>The kinds of token of the formula language.</summary>
internal enum TokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>Text the lexer rejected; its error is already reported.</summary>
    Invalid,

    /// <summary>A number literal such as <c>12</c>, <c>.5</c> or <c>2.5E-2</c>.</summary>
    Number,

    /// <summary>A measure id or a function name.</summary>
    Identifier,

    /// <summary><c>+</c></summary>
    Plus,

    /// <summary><c>-</c></summary>
    Minus,

    /// <summary><c>*</c></summary>
    Star,

    /// <summary><c>/</c></summary>
    Slash,

    /// <summary><c>(</c></summary>
    OpenParen,

    /// <summary><c>)</c></summary>
    CloseParen,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>=</c> or <c>==</c></summary>
    Equal,

    /// <summary><c>!=</c> or <c>&lt;&gt;</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>and</c> or <c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>or</c> or <c>||</c></summary>
    Or,

    /// <summary><c>not</c> or <c>!</c></summary>
    Not,
}
