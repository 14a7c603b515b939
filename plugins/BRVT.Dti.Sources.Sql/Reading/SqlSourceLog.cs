using Microsoft.Extensions.Logging;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>What SQL sources write to the log: where each record set was aggregated, and why not in the database.</summary>
internal static partial class SqlSourceLog
{
    /// <summary>A record set was aggregated in the database.</summary>
    /// <param name="logger">The log.</param>
    /// <param name="source">The source.</param>
    /// <param name="recordSet">The record set.</param>
    /// <param name="measures">The number of measures derived from it.</param>
    /// <param name="queryHash">The query's hash, as provenance cites it.</param>
    /// <param name="records">The records of the period the query read.</param>
    /// <param name="groups">The unit groups it returned.</param>
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Source {Source}, record set {RecordSet}: {Measures} measures computed in the database by one GROUP BY query ({QueryHash}) over {Records} records in {Groups} unit groups")]
    public static partial void PushedDown(ILogger logger, string source, string recordSet, int measures, string queryHash, long records, int groups);

    /// <summary>The SQL of a query, for those who want to run it themselves.</summary>
    /// <param name="logger">The log.</param>
    /// <param name="queryHash">The query's hash.</param>
    /// <param name="sql">The SQL (values are parameters).</param>
    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Query {QueryHash}: {Sql}")]
    public static partial void Query(ILogger logger, string queryHash, string sql);

    /// <summary>A record set could not be aggregated in the database and is read row by row instead.</summary>
    /// <param name="logger">The log.</param>
    /// <param name="source">The source.</param>
    /// <param name="recordSet">The record set.</param>
    /// <param name="reason">Why.</param>
    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Source {Source}, record set {RecordSet}: not aggregated in the database because {Reason}; reading its records row by row instead (same results, slower)")]
    public static partial void FallingBack(ILogger logger, string source, string recordSet, string reason);

    /// <summary>A record set is read row by row because its settings say so.</summary>
    /// <param name="logger">The log.</param>
    /// <param name="source">The source.</param>
    /// <param name="recordSet">The record set.</param>
    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Source {Source}, record set {RecordSet}: read row by row (\"pushdown\": false)")]
    public static partial void Streaming(ILogger logger, string source, string recordSet);
}
