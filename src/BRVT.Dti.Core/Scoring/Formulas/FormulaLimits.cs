namespace BRVT.Dti.Scoring.Formulas;

/// <summary>Bounds on the size of a formula, so that parsing and evaluating it stay cheap and safe.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FormulaLimits
{
    /// <summary>The limits of the index definition format: 4096 characters, depth 64, 1024 syntax nodes.</summary>
    public static FormulaLimits Default { get; } = new();

    /// <summary>The maximum number of characters of the text; default 4096.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 4096;

    /// <summary>
    /// The maximum nesting depth, counting parentheses, function calls and unary operators (<c>-</c>, <c>+</c>,
    /// <c>not</c>); default 64.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 64;

    /// <summary>
    /// The maximum number of syntax nodes (numbers, identifiers, operators and function calls); default 1024.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxNodes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 1024;
}
