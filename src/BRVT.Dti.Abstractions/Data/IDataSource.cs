namespace BRVT.Dti.Data;

/// <summary>
/// A source of observations: a CSV or Excel file, a database, an HTTP API. Implementations stream their input,
/// never lose a row (each is accepted or rejected with its reason) and attach provenance to every observation.
/// </summary>
public interface IDataSource
{
    /// <summary>The source's name, used in provenance and accounts.</summary>
    string Name { get; }

    /// <summary>Reads the observations the request asks for.</summary>
    /// <param name="request">The measures, period and units wanted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted observations and the account of every row read.</returns>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default);
}
