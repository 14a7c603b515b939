using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Fuzz.Tests.Support;

/// <summary>Units, measures and source configurations for the fuzz and cancellation tests.</summary>
internal static class Fixtures
{
    public static readonly UnitInfo[] Districts =
    [
        Unit("747", "Thành phố Vũng Tàu"),
        Unit("748", "Thành phố Bà Rịa"),
        Unit("750", "Huyện Châu Đức"),
    ];

    public static readonly MeasureDefinition[] Plain = [Measure("a"), Measure("b")];

    public static readonly MeasureDefinition[] Derived =
    [
        Derive("received", "count"),
        Derive("online_ratio", "ratio", filter: "truc_tuyen = 1"),
        Derive("mean_days", "mean", field: "so_ngay"),
        Derive("max_days", "max", field: "so_ngay"),
    ];

    public static UnitInfo Unit(string id, string name, string kind = "district") => new() { Id = id, Name = new LocalizedText(name), Kind = kind };

    public static MeasureDefinition Measure(string id) => new() { Id = id, Name = new LocalizedText(id) };

    public static MeasureDefinition Derive(string id, string function, string? field = null, string? filter = null) => new()
    {
        Id = id,
        Name = new LocalizedText(id),
        Derivation = new MeasureDerivation { Records = "dossiers", Function = function, Field = field, Filter = filter },
    };

    public static SourceReadRequest Request(IReadOnlyList<MeasureDefinition> measures, RejectionMode mode = RejectionMode.Lenient, IReadOnlyList<UnitInfo>? units = null) =>
        new(measures, "2023", units ?? Districts, mode);

    /// <summary>The configuration a factory receives for a source object written in JSON, in <paramref name="root"/>.</summary>
    public static DataSourceConfiguration Configuration(string root, string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var settings = document.RootElement.Clone();
        return new DataSourceConfiguration
        {
            Name = settings.GetProperty("name").GetString()!,
            Type = settings.GetProperty("type").GetString()!,
            Settings = settings,
            BaseDirectory = root,
            ConfigurationFile = Path.Combine(root, "sources.json"),
            Pointer = "/sources/0",
        };
    }
}
