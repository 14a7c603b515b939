namespace BRVT.Dti.Data;

/// <summary>A source's settings are wrong: the message says which setting, where (file and JSON pointer) and how to fix it.</summary>
public sealed class DataSourceConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The configuration file.</param>
    /// <param name="pointer">The JSON pointer of the wrong setting.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public DataSourceConfigurationException(string file, string pointer, string message)
        : base($"{file} at {(pointer.Length == 0 ? "/" : pointer)}: {message}")
    {
        File = file;
        Pointer = pointer;
    }

    /// <summary>Creates the exception.</summary>
    public DataSourceConfigurationException()
        : this(string.Empty, string.Empty, "The data source configuration is wrong.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public DataSourceConfigurationException(string message)
        : base(message)
    {
        File = string.Empty;
        Pointer = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public DataSourceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Pointer = string.Empty;
    }

    /// <summary>The configuration file.</summary>
    public string File { get; }

    /// <summary>The JSON pointer of the wrong setting.</summary>
    public string Pointer { get; }
}
