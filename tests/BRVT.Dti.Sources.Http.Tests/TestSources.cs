using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Http.Tests;

/// <summary>Builds <c>http-json</c> sources from a sources.json object, as the catalog would.</summary>
public static class TestSources
{
    public const string Workspace = "/tmp/dti-http-tests";

    public static DataSourceConfiguration Configuration(string json)
    {
        var settings = JsonDocument.Parse(json).RootElement.Clone();
        return new()
        {
            Name = settings.TryGetProperty("name", out var name) ? name.GetString()! : "cong-dvc",
            Type = HttpJsonSourceFactory.SourceType,
            Settings = settings,
            BaseDirectory = Workspace,
            ConfigurationFile = "sources.json",
            Pointer = "/sources/0",
        };
    }

    public static HttpJsonSource Create(string json) => (HttpJsonSource)new HttpJsonSourceFactory().Create(Configuration(json));

    /// <summary>Quick retries for tests: the given attempts, 20 ms base delay, the given timeouts.</summary>
    public static string Resilience(int attempts = 3, double attemptTimeout = 5, double totalTimeout = 20) =>
        $$"""{ "attempts": {{attempts}}, "retryDelaySeconds": 0.02, "attemptTimeoutSeconds": {{attemptTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "totalTimeoutSeconds": {{totalTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }""";
}

/// <summary>The units and measures the HTTP tests assess.</summary>
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
        new() { Id = "dung_han", Name = new LocalizedText("Tỷ lệ hồ sơ đúng hạn"), Derivation = new MeasureDerivation { Records = "ho_so", Function = "ratio", Filter = "dung_han = 1" } },
        new() { Id = "so_ngay", Name = new LocalizedText("Số ngày xử lý trung bình"), Derivation = new MeasureDerivation { Records = "ho_so", Function = "mean", Field = "so_ngay" } },
    ];

    public static SourceReadRequest Request(string period = "2023", RejectionMode mode = RejectionMode.Lenient) =>
        new(Measures, period, Units, mode);
}
