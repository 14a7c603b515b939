namespace BRVT.Dti.Scoring.Formulas;

/// <summary>A binary operator of the formula language, as <see cref="IFormulaFolder{T}.Binary"/> receives it.</summary>
/// <remarks>
/// Every binary operator gives a missing value (NaN) when either operand is missing, including <see cref="And"/> and
/// <see cref="Or"/> (unlike SQL's three-valued logic, <c>1 or missing</c> is missing). Comparisons and the logical
/// operators give 1 or 0. Every other result that would be infinite, and a division by zero, is missing.
/// </remarks>
public enum FormulaBinaryOperator
{
    /// <summary><c>a + b</c></summary>
    Add,

    /// <summary><c>a - b</c></summary>
    Subtract,

    /// <summary><c>a * b</c></summary>
    Multiply,

    /// <summary><c>a / b</c>; missing when b is 0.</summary>
    Divide,

    /// <summary><c>a = b</c> (also <c>==</c>)</summary>
    Equal,

    /// <summary><c>a != b</c> (also <c>&lt;&gt;</c>)</summary>
    NotEqual,

    /// <summary><c>a &lt; b</c></summary>
    Less,

    /// <summary><c>a &lt;= b</c></summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c></summary>
    Greater,

    /// <summary><c>a &gt;= b</c></summary>
    GreaterOrEqual,

    /// <summary><c>a and b</c> (also <c>&amp;&amp;</c>): 1 when both are non-zero, else 0; missing when either is missing.</summary>
    And,

    /// <summary><c>a or b</c> (also <c>||</c>): 1 when either is non-zero, else 0; missing when either is missing.</summary>
    Or,
}
