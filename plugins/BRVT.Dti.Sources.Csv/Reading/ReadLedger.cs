using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// The account of one read: every row (or cell, for wide files) read is counted once, as accepted or as rejected with
/// its <c>file:line</c> and reason. In strict mode the first error throws; rows that are merely not wanted (another
/// period, a measure the definition does not read, a blank line) are rejected without stopping the read.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class ReadLedger : IDisposable
{
    private readonly CsvFileSettings file;
    private readonly RejectionMode mode;
    private readonly RejectsFile? rejects;
    private readonly List<RejectedRow> rejected = [];

    public ReadLedger(CsvFileSettings file, RejectionMode mode)
    {
        this.file = file;
        this.mode = mode;
        if (mode == RejectionMode.Lenient && file.RejectsFullPath is not null)
        {
            rejects = RejectsFile.Create(file);
        }
    }

    /// <summary>The file's settings.</summary>
    public CsvFileSettings File => file;

    public long RowsRead { get; private set; }

    public long RowsAccepted { get; private set; }

    public int RejectedCount => rejected.Count;

    public string Location(long line) => $"{file.DisplayPath}:{line.ToString(CultureInfo.InvariantCulture)}";

    public void Accept(long rows = 1)
    {
        RowsRead += rows;
        RowsAccepted += rows;
    }

    /// <summary>Rejects a row.</summary>
    /// <param name="line">The physical line where it starts.</param>
    /// <param name="reason">Why, and how to fix it.</param>
    /// <param name="error">Whether it is an error (strict mode stops) rather than a row that is not wanted.</param>
    /// <param name="record">The row's text, for the rejects file.</param>
    /// <exception cref="DataSourceException">Strict mode and an error.</exception>
    public void Reject(long line, string reason, bool error, string record)
    {
        RowsRead++;
        var location = Location(line);
        if (error && mode == RejectionMode.Strict)
        {
            throw new DataSourceException(file.SourceName,
                $"{location}: {reason}. The read is strict, so it stops at the first bad row: correct the row, or read leniently to get every problem at once.",
                null);
        }

        rejected.Add(new RejectedRow(location, reason));
        rejects?.Write(location, line, reason, record);
    }

    /// <summary>The account; in lenient mode, also moves the rejects file into place.</summary>
    public SourceAccount Complete()
    {
        rejects?.Commit();
        return new SourceAccount(file.SourceName, RowsRead, RowsAccepted, [.. rejected]);
    }

    public void Dispose() => rejects?.Dispose();
}
