namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>The checked settings of one SQL source.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Name">The source's name.</param>
/// <param name="ConfigurationFile">The configuration file, for messages.</param>
/// <param name="Pointer">The JSON pointer of the source, for messages.</param>
/// <param name="ObservationTables">The observation tables, in the order written.</param>
/// <param name="RecordTables">The record sets by name.</param>
/// <param name="CommandTimeoutSeconds">How long one query may run.</param>
internal sealed record SqlSourceSettings(
    string Name,
    string ConfigurationFile,
    string Pointer,
    IReadOnlyList<ObservationTable> ObservationTables,
    IReadOnlyDictionary<string, RecordTable> RecordTables,
    int CommandTimeoutSeconds);
