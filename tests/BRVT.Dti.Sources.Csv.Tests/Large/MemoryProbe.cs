using System.Diagnostics;
using System.Globalization;

namespace BRVT.Dti.Sources.Csv.Tests.Large;

/// <summary>Resident memory of this process, from /proc/self/status on Linux (VmRSS, VmHWM), with the peak reset through /proc/self/clear_refs.</summary>
internal static class MemoryProbe
{
    /// <summary>Resets the peak resident set (VmHWM) to the current one; false where the system does not allow it.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A field of /proc/self/status in bytes (e.g. VmRSS, VmHWM), or the process's working set figures elsewhere.</summary>
    public static long Status(string field)
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return field == "VmHWM" ? process.PeakWorkingSet64 : process.WorkingSet64;
    }
}
