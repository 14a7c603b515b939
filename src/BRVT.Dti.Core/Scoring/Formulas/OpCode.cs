namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// The instructions of the formula stack machine. Each pops its operands (in the order they were pushed) and pushes
/// one result; <see cref="Instruction.Arity"/> says how many it pops.
/// </summary>
internal enum OpCode
{
    /// <summary>Pushes <see cref="Instruction.Value"/>.</summary>
    Constant,

    /// <summary>Pushes the variable numbered <see cref="Instruction.Variable"/> (infinite values become NaN).</summary>
    Load,

    /// <summary><c>-x</c></summary>
    Negate,

    /// <summary><c>not x</c></summary>
    Not,

    /// <summary><c>a + b</c></summary>
    Add,

    /// <summary><c>a - b</c></summary>
    Subtract,

    /// <summary><c>a * b</c></summary>
    Multiply,

    /// <summary><c>a / b</c></summary>
    Divide,

    /// <summary><c>a = b</c></summary>
    Equal,

    /// <summary><c>a != b</c></summary>
    NotEqual,

    /// <summary><c>a &lt; b</c></summary>
    Less,

    /// <summary><c>a &lt;= b</c></summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c></summary>
    Greater,

    /// <summary><c>a &gt;= b</c></summary>
    GreaterOrEqual,

    /// <summary><c>a and b</c></summary>
    And,

    /// <summary><c>a or b</c></summary>
    Or,

    /// <summary><c>min(a, b)</c>; longer calls chain it from the left.</summary>
    Min,

    /// <summary><c>max(a, b)</c>; longer calls chain it from the left.</summary>
    Max,

    /// <summary><c>clamp(x, lo, hi)</c></summary>
    Clamp,

    /// <summary><c>if(c, a, b)</c></summary>
    If,

    /// <summary><c>abs(x)</c></summary>
    Abs,

    /// <summary><c>round(x)</c></summary>
    Round,

    /// <summary><c>round(x, digits)</c></summary>
    RoundDigits,

    /// <summary><c>floor(x)</c></summary>
    Floor,

    /// <summary><c>ceil(x)</c></summary>
    Ceiling,

    /// <summary><c>sqrt(x)</c></summary>
    Sqrt,

    /// <summary><c>coalesce(x, d)</c></summary>
    Coalesce,

    /// <summary><c>missing(x)</c></summary>
    Missing,
}
