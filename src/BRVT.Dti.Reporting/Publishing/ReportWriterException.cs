namespace BRVT.Dti.Reporting;

/// <summary>
/// A report writer failed, or its file could not be put in place. The publisher leaves no partial file behind: every
/// report of the run is either fully written or not replaced.
/// </summary>
public sealed class ReportWriterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportWriterException()
        : this(string.Empty, "A report writer failed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ReportWriterException(string message)
        : this(string.Empty, message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The writer's exception.</param>
    public ReportWriterException(string message, Exception? innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="writer">The writer's name.</param>
    /// <param name="message">What went wrong and what the reader should do.</param>
    /// <param name="innerException">The writer's exception.</param>
    public ReportWriterException(string writer, string message, Exception? innerException)
        : base(message, innerException)
    {
        Writer = writer;
    }

    /// <summary>The name of the writer that failed, or an empty string when unknown.</summary>
    public string Writer { get; }
}
