namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>
/// A formula (or an aggregate) has no exact SQL translation. Not an error for the user: the record set is then
/// aggregated row by row in memory, with the same results. Never leaves the plugin.
/// </summary>
internal sealed class TranslationRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be translated and why, as a sentence for the log.</param>
    public TranslationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public TranslationRefusedException()
        : base("The formula has no SQL translation.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TranslationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
