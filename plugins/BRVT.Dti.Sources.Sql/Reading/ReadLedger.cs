using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// The account of one read: every row (or group) read is accepted or rejected with its location and reason; duplicate
/// observations are rejected (the first kept); in strict mode the first row that is an error stops the read.
/// </summary>
/// <remarks>Not thread-safe: one ledger per read.</remarks>
internal sealed class ReadLedger
{
    private readonly string source;
    private readonly RejectionMode mode;
    private readonly List<Observation> observations = [];
    private readonly List<RejectedRow> rejected = [];
    private readonly Dictionary<(string Unit, string Measure), string> seen = [];
    private long rowsRead;
    private long rowsAccepted;

    /// <summary>Creates a ledger.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="period">The period assessed.</param>
    /// <param name="units">The units assessed.</param>
    /// <param name="mode">Whether a bad row stops the read.</param>
    public ReadLedger(string source, string period, IEnumerable<string> units, RejectionMode mode)
    {
        this.source = source;
        this.mode = mode;
        Period = period;
        Units = new HashSet<string>(units, StringComparer.Ordinal);
    }

    /// <summary>The period assessed.</summary>
    public string Period { get; }

    /// <summary>The ids of the units assessed.</summary>
    public IReadOnlySet<string> Units { get; }

    /// <summary>Counts a row read.</summary>
    public void Read() => rowsRead++;

    /// <summary>Counts rows read and accepted together (the records of a unit aggregated in the database).</summary>
    /// <param name="rows">The number of rows.</param>
    public void ReadAndAccept(long rows)
    {
        rowsRead += rows;
        rowsAccepted += rows;
    }

    /// <summary>Rejects a row read; in strict mode an error stops the read.</summary>
    /// <param name="location">Where the row is.</param>
    /// <param name="reason">Why it is rejected and how to fix it.</param>
    /// <param name="isError">
    /// Whether the row is wrong (strict mode stops) rather than merely not wanted (another period, a measure the
    /// definition does not use), which is listed but never stops a read.
    /// </param>
    /// <exception cref="DataSourceException">Strict mode and an error.</exception>
    public void Reject(string location, string reason, bool isError = true)
    {
        if (isError && mode == RejectionMode.Strict)
        {
            throw new DataSourceException(source, $"{location}: {reason} (strict mode stops at the first bad row).", null);
        }

        rejected.Add(new RejectedRow(location, reason));
    }

    /// <summary>Accepts a row that gave observations.</summary>
    public void Accept() => rowsAccepted++;

    /// <summary>Whether this source already gave an observation of (unit, measure), and where.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="first">The location of the row that gave it first.</param>
    /// <returns><see langword="true"/> when it did.</returns>
    public bool Seen(string unit, string measure, out string first)
    {
        if (seen.TryGetValue((unit, measure), out var existing))
        {
            first = existing;
            return true;
        }

        first = string.Empty;
        return false;
    }

    /// <summary>Adds an accepted observation, reserving its (unit, measure) so that a later one is a duplicate.</summary>
    /// <param name="observation">The observation.</param>
    public void Add(Observation observation)
    {
        seen.TryAdd((observation.UnitId, observation.MeasureId), observation.Provenance.Location);
        observations.Add(observation);
    }

    /// <summary>The result of the read.</summary>
    /// <returns>The observations and the account.</returns>
    public SourceReadResult Result() => new([.. observations], new SourceAccount(source, rowsRead, rowsAccepted, [.. rejected]));
}
