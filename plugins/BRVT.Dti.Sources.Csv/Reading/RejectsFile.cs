using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Settings;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// The rejects of a lenient read, written as CSV (UTF-8 with a byte order mark so that Excel shows Vietnamese; columns
/// <c>location, line, reason, record</c>) to a temporary file beside the target and moved over it only when the read
/// completes, so a reader never sees half a file and a failed read leaves the previous file in place.
/// </summary>
/// <remarks>
/// A cell that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return) is written with a leading apostrophe. Not thread-safe.
/// </remarks>
internal sealed class RejectsFile : IDisposable
{
    private readonly CsvFileSettings file;
    private readonly string target;
    private readonly string temporary;
    private readonly StreamWriter writer;
    private bool committed;

    private RejectsFile(CsvFileSettings file, string target, string temporary, StreamWriter writer)
    {
        this.file = file;
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    public static RejectsFile Create(CsvFileSettings file)
    {
        var target = file.RejectsFullPath!;
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
            writer.WriteLine("location,line,reason,record");
            return new RejectsFile(file, target, temporary, writer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failed(file, exception);
        }
    }

    public void Write(string location, long line, string reason, string record)
    {
        try
        {
            WriteCell(location);
            writer.Write(',');
            writer.Write(line.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            WriteCell(reason);
            writer.Write(',');
            WriteCell(record);
            writer.WriteLine();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failed(file, exception);
        }
    }

    /// <summary>Finishes the file and moves it over the target in one step.</summary>
    public void Commit()
    {
        try
        {
            writer.Flush();
            writer.Dispose();
            File.Move(temporary, target, overwrite: true);
            committed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failed(file, exception);
        }
    }

    /// <summary>Deletes the temporary file when the read did not complete.</summary>
    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        writer.Dispose();
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named as such; the target was not touched.
        }
    }

    private void WriteCell(string value)
    {
        writer.Write('"');
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            writer.Write('\'');
        }

        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    private static DataSourceException Failed(CsvFileSettings file, Exception exception) =>
        new(file.SourceName, $"the rejects file {file.RejectsDisplayPath} could not be written: {exception.Message} Check \"rejectsFile\" in {file.ConfigurationFile} at {file.Pointer}.", exception);
}
