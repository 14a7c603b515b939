namespace BRVT.Dti.Data;

/// <summary>What a source does with a bad row.</summary>
public enum RejectionMode
{
    /// <summary>Reject the row with its location and reason, and go on (the account lists it).</summary>
    Lenient,

    /// <summary>Stop at the first bad row with a <see cref="DataSourceException"/> that names it.</summary>
    Strict,
}
