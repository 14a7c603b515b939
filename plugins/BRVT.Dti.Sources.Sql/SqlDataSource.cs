using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Reading;
using BRVT.Dti.Sources.Sql.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// A SQL data source: reads its observation tables row by row and computes the measures derived from its record sets
/// in the database, one GROUP BY query per record set (row by row when the database cannot), over one connection per
/// read.
/// </summary>
/// <remarks>Immutable and thread-safe: concurrent reads use their own connections.</remarks>
internal sealed class SqlDataSource : IDataSource
{
    private readonly SqlSourceSettings settings;
    private readonly ILogger logger;

    /// <summary>Creates the source; nothing is opened yet.</summary>
    /// <param name="settings">The checked settings.</param>
    /// <param name="database">The database.</param>
    /// <param name="loggerFactory">Creates the log, or <see langword="null"/> for none.</param>
    public SqlDataSource(SqlSourceSettings settings, SqlDatabase database, ILoggerFactory? loggerFactory)
    {
        this.settings = settings;
        Database = database;
        logger = loggerFactory?.CreateLogger<SqlDataSource>() ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => settings.Name;

    /// <summary>The database, for tests and messages.</summary>
    internal SqlDatabase Database { get; }

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A measure derived from one of the source's record sets is wrong (an unknown aggregate or field, a filter that does not parse).</exception>
    /// <exception cref="DataSourceException">The database cannot be read, or strict mode met a bad row.</exception>
    public async ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Check every derivation before touching the database, so that a wrong filter is reported without a query.
        var plans = new List<RecordPlan>();
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, table) in settings.RecordTables.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var measures = request.Measures
                .Where(m => m.Derivation is { } d && string.Equals(d.Records, name, StringComparison.Ordinal))
                .DistinctBy(m => m.Id, StringComparer.Ordinal)
                .ToList();
            if (measures.Count > 0)
            {
                plans.Add(RecordPlan.Create(table, measures, settings.ConfigurationFile));
                foreach (var measure in measures)
                {
                    derived[measure.Id] = name;
                }
            }
        }

        var ledger = new ReadLedger(settings.Name, request.Period, request.Units.Select(u => u.Id), request.Mode);
        var measureIds = request.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var connection = await Database.OpenAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var context = new SqlReadContext(Database, connection, settings, request, ledger, logger);
            foreach (var table in settings.ObservationTables)
            {
                await ObservationTableReader.ReadAsync(context, table, measureIds, derived, cancellationToken).ConfigureAwait(false);
            }

            foreach (var plan in plans)
            {
                await RecordSetReader.ReadAsync(context, plan, cancellationToken).ConfigureAwait(false);
            }
        }

        return ledger.Result();
    }
}
