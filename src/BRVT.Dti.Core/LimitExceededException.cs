namespace BRVT.Dti;

/// <summary>
/// Thrown when an input as a whole is over one of the <see cref="DtiLimits"/> (too many units for
/// <see cref="ScoringPlan.Prepare"/>). The message names the limit, its value, what was given and how to raise it.
/// </summary>
public sealed class LimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit's name, e.g. <c>DtiLimits.MaxUnits</c>.</param>
    /// <param name="maximum">The limit's value.</param>
    /// <param name="actual">What the input holds.</param>
    /// <param name="message">The message: where the limit was hit and how to raise it.</param>
    public LimitExceededException(string limit, long maximum, long actual, string message)
        : base(message)
    {
        Limit = limit;
        Maximum = maximum;
        Actual = actual;
    }

    /// <summary>Creates the exception with no details.</summary>
    public LimitExceededException()
        : this("(unknown)", 0, 0, "A limit was exceeded.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LimitExceededException(string message)
        : this("(unknown)", 0, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        Limit = "(unknown)";
    }

    /// <summary>The limit's name, e.g. <c>DtiLimits.MaxUnits</c>.</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }

    /// <summary>What the input holds (more than <see cref="Maximum"/>).</summary>
    public long Actual { get; }
}
