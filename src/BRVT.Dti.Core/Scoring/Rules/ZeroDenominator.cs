namespace BRVT.Dti.Scoring.Rules;

/// <summary>What a ratio of two measures gives when the denominator is zero.</summary>
internal enum ZeroDenominator
{
    /// <summary>The value is missing; the missing-data policy decides.</summary>
    Missing,

    /// <summary>The share is zero.</summary>
    Zero,

    /// <summary>The share is one (nothing was due, so everything due was done).</summary>
    Full,
}
