using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Csv.Tests.Support;

/// <summary>Units, measures and requests for the tests.</summary>
internal static class Requests
{
    public static UnitInfo Unit(string id, string? name = null, string kind = "district") =>
        new() { Id = id, Name = new LocalizedText(name ?? id), Kind = kind };

    public static MeasureDefinition Measure(string id) => new() { Id = id, Name = new LocalizedText(id) };

    public static MeasureDefinition Derived(string id, string function, string? field = null, string? filter = null, string? denominatorFilter = null, string records = "dossiers") => new()
    {
        Id = id,
        Name = new LocalizedText(id),
        Derivation = new MeasureDerivation { Records = records, Function = function, Field = field, Filter = filter, DenominatorFilter = denominatorFilter },
    };

    /// <summary>Three districts of Bà Rịa – Vũng Tàu (ids are GSO codes).</summary>
    public static readonly UnitInfo[] Districts =
    [
        Unit("747", "Thành phố Vũng Tàu"),
        Unit("748", "Thành phố Bà Rịa"),
        Unit("750", "Huyện Châu Đức"),
    ];

    public static SourceReadRequest Request(IReadOnlyList<MeasureDefinition> measures, string period = "2023", IReadOnlyList<UnitInfo>? units = null, RejectionMode mode = RejectionMode.Lenient) =>
        new(measures, period, units ?? Districts, mode);

    public static SourceReadRequest Request(string[] measures, string period = "2023", IReadOnlyList<UnitInfo>? units = null, RejectionMode mode = RejectionMode.Lenient) =>
        Request([.. measures.Select(Measure)], period, units, mode);
}
