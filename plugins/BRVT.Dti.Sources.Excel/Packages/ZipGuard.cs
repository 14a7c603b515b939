using System.Globalization;
using System.IO.Compression;

namespace BRVT.Dti.Sources.Excel.Packages;

/// <summary>
/// Checks an .xlsx package before it is parsed, so that a zip bomb cannot exhaust memory or disk: the sizes the zip
/// declares, then the sizes it actually inflates to (a lying header is caught), must stay under a cap.
/// </summary>
internal static class ZipGuard
{
    public const int MaxEntries = 10_000;

    /// <summary>Checks the package; returns a reason when it must not be parsed, or <see langword="null"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip archive.</exception>
    public static string? Check(Stream stream, long maxUncompressedBytes, CancellationToken cancellationToken)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > MaxEntries)
        {
            return $"it holds {archive.Entries.Count.ToString(CultureInfo.InvariantCulture)} files, more than a workbook ever needs ({MaxEntries.ToString(CultureInfo.InvariantCulture)})";
        }

        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (entry.Length < 0 || declared > maxUncompressedBytes)
            {
                return $"its files declare {Size(declared)} once uncompressed (the entry '{entry.FullName}' alone {Size(entry.Length)}), more than the limit of {Size(maxUncompressedBytes)} (setting \"maxUncompressedBytes\")";
            }
        }

        long inflated = 0;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long entryBytes = 0;
            try
            {
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entryBytes += read;
                    inflated += read;
                    // The runtime stops at the declared size today; counting keeps the guard sound if a decoder does not.
                    if (entryBytes > entry.Length)
                    {
                        return $"the entry '{entry.FullName}' inflates to more than the {Size(entry.Length)} it declares (a forged zip)";
                    }

                    if (inflated > maxUncompressedBytes)
                    {
                        return $"its files inflate to more than the limit of {Size(maxUncompressedBytes)} (setting \"maxUncompressedBytes\")";
                    }
                }
            }
            catch (InvalidDataException exception)
            {
                return $"the entry '{entry.FullName}' is damaged ({exception.Message})";
            }
        }

        return null;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB",
        >= 1L << 20 => $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB",
        >= 1L << 10 => $"{(bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
    };
}
