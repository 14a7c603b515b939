using BRVT.Dti.Data;

namespace BRVT.Dti.Sources;

/// <summary>Reads every source of a workspace for one request and gathers their observations and accounts.</summary>
public static class DataSourceReader
{
    /// <summary>Reads the sources one after another (each source streams its own input).</summary>
    /// <param name="sources">The sources.</param>
    /// <param name="request">The measures, period and units wanted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The observations and one account per source.</returns>
    /// <exception cref="DataSourceException">A source could not be read; the message names it.</exception>
    /// <exception cref="InvalidOperationException">A source's account does not balance (a defect of that source).</exception>
    public static async Task<DataReadResult> ReadAllAsync(IReadOnlyList<IDataSource> sources, SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(request);
        var observations = new List<Observation>();
        var accounts = new List<SourceAccount>(sources.Count);
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await source.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.Account.Balances)
            {
                throw new InvalidOperationException(
                    $"Source '{source.Name}' read {result.Account.RowsRead} rows but accounted for {result.Account.RowsAccepted} accepted and {result.Account.Rejected.Count} rejected. This is a defect of the source; no row may be lost.");
            }

            observations.AddRange(result.Observations);
            accounts.Add(result.Account);
        }

        return new DataReadResult(observations, accounts);
    }
}
