using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Excel.Tests;

/// <summary>A temporary workspace folder for real files, deleted at the end of the test.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "dti-xlsx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>A source configuration as the catalog would build it from a sources.json object.</summary>
    public DataSourceConfiguration Configuration(string json)
    {
        var settings = JsonDocument.Parse(json).RootElement.Clone();
        return new()
        {
            Name = settings.TryGetProperty("name", out var name) ? name.GetString()! : "forms",
            Type = "xlsx",
            Settings = settings,
            BaseDirectory = Root,
            ConfigurationFile = Path.Combine(Root, "sources.json"),
            Pointer = "/sources/0",
        };
    }

    public WorkbookReader Reader(string json) => new(Configuration(json));

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

/// <summary>The units and measures the workbook tests assess.</summary>
public static class Assessment
{
    public static readonly UnitInfo[] Units =
    [
        new() { Id = "so-yt", Name = new LocalizedText("Sở Y tế"), Kind = "agency" },
        new() { Id = "so-gd", Name = new LocalizedText("Sở Giáo dục và Đào tạo"), Kind = "agency" },
        new() { Id = "p1", Name = new LocalizedText("UBND phường 1"), Kind = "commune" },
    ];

    public static readonly MeasureDefinition[] Measures =
    [
        new() { Id = "m1", Name = new LocalizedText("Hạ tầng số") },
        new() { Id = "m2", Name = new LocalizedText("Dịch vụ công trực tuyến") },
        new() { Id = "m3", Name = new LocalizedText("Nhân lực số") },
        new() { Id = "m4", Name = new LocalizedText("Tính"), Formula = "m1 + m2" },
    ];

    public static SourceReadRequest Request(string period = "2023", RejectionMode mode = RejectionMode.Lenient) =>
        new(Measures, period, Units, mode);
}
