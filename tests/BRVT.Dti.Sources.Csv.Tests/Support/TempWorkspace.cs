using System.Text;
using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Csv.Tests.Support;

/// <summary>A workspace folder under the temp folder, with real files, deleted afterwards.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "dti-csv-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string ConfigurationFile => Path.Combine(Root, "sources.json");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a text file as UTF-8, with a byte order mark when asked.</summary>
    public string Write(string relative, string text, bool bom = false) =>
        WriteBytes(relative, [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The configuration a factory receives for a source object written in JSON.</summary>
    public DataSourceConfiguration Configuration(string json, int index = 0)
    {
        using var document = JsonDocument.Parse(json);
        var settings = document.RootElement.Clone();
        return new DataSourceConfiguration
        {
            Name = settings.GetProperty("name").GetString()!,
            Type = settings.GetProperty("type").GetString()!,
            Settings = settings,
            BaseDirectory = Root,
            ConfigurationFile = ConfigurationFile,
            Pointer = $"/sources/{index}",
        };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
