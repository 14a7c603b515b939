namespace BRVT.Dti.Data;

/// <summary>
/// A source could not be read as a whole (a file is missing, a server does not answer, strict mode met a bad row).
/// The message names the source and the place and says what to do; rows that are merely bad are rejected, not thrown.
/// </summary>
public sealed class DataSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="message">What went wrong, where, and what to do.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public DataSourceException(string source, string message, Exception? innerException)
        : base($"{source}: {message}", innerException)
    {
        Source = source;
    }

    /// <summary>Creates the exception.</summary>
    public DataSourceException()
        : this("source", "The data source could not be read.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public DataSourceException(string message)
        : base(message)
    {
        Source = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DataSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = string.Empty;
    }

    /// <summary>The source's name.</summary>
    public new string Source { get; }
}
