namespace BRVT.Dti.TestUtilities;

/// <summary>A new folder under the system's temporary folder, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder, its name starting with <paramref name="prefix"/>.</summary>
    public TempFolder(string prefix = "dti-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the system cleans its temp folder.
        }
    }
}
