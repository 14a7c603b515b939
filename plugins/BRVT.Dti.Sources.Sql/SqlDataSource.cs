using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Reading;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// A SQL data source: reads its observation tables row by row and computes the measures derived from its record sets
/// in the database, one GROUP BY query per record set, over one read-only connection per read.
/// </summary>
/// <remarks>Immutable and thread-safe: concurrent reads use their own connections.</remarks>
internal sealed class SqlDataSource : IDataSource
{
    private readonly SqlSourceSettings settings;
    private readonly SqlDatabase database;

    /// <summary>Creates the source; nothing is opened yet.</summary>
    /// <param name="settings">The checked settings.</param>
    /// <param name="database">The database.</param>
    public SqlDataSource(SqlSourceSettings settings, SqlDatabase database)
    {
        this.settings = settings;
        this.database = database;
    }

    /// <inheritdoc />
    public string Name => settings.Name;

    /// <summary>The database, for tests and messages.</summary>
    internal SqlDatabase Database => database;

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A measure derived from one of the source's record sets cannot be computed in the database.</exception>
    /// <exception cref="DataSourceException">The database cannot be read, or strict mode met a bad row.</exception>
    public async ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var derived = new Dictionary<string, List<MeasureDefinition>>(StringComparer.Ordinal);
        foreach (var measure in request.Measures)
        {
            if (measure.Derivation is { } derivation && settings.RecordTables.ContainsKey(derivation.Records))
            {
                if (!derived.TryGetValue(derivation.Records, out var list))
                {
                    derived[derivation.Records] = list = [];
                }

                list.Add(measure);
            }
        }

        // Check every derivation before touching the database, so that a wrong filter is reported without a query.
        foreach (var (name, measures) in derived)
        {
            _ = Translation.RecordQuery.Analyse(settings.RecordTables[name], measures, settings.ConfigurationFile);
        }

        var ledger = new ReadLedger(settings.Name, request.Period, request.Units.Select(u => u.Id), request.Mode);
        var measureIds = request.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var connection = await database.OpenAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var context = new SqlReadContext(database, connection, settings, request, ledger);
            foreach (var table in settings.ObservationTables)
            {
                await ObservationTableReader.ReadAsync(context, table, measureIds, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (name, table) in settings.RecordTables.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (derived.TryGetValue(name, out var measures))
                {
                    await RecordSetReader.ReadAsync(context, table, measures, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return ledger.Result();
    }
}
