namespace BRVT.Dti.Scoring.Formulas;

/// <summary>A unary operator of the formula language, as <see cref="IFormulaFolder{T}.Unary"/> receives it.</summary>
/// <remarks>Unary <c>+</c> changes nothing, so a folder never sees it.</remarks>
public enum FormulaUnaryOperator
{
    /// <summary><c>-x</c>: the negated value; missing when x is missing.</summary>
    Negate,

    /// <summary><c>not x</c> (also <c>!x</c>): 1 when x is 0, 0 when x is any other number, missing when x is missing.</summary>
    Not,
}
