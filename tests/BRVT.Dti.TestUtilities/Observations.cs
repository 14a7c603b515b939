using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.TestUtilities;

/// <summary>Short ways to write units and observations in tests.</summary>
public static class Observations
{
    public static UnitInfo Unit(string id, string kind = "agency", string? group = null, string? parent = null) =>
        new() { Id = id, Name = new LocalizedText(id), Kind = kind, Group = group, ParentId = parent };

    public static Observation Value(string unit, string measure, double value, string period = "2023", string source = "test") =>
        new(unit, measure, period, value, new Provenance(source, $"{unit}/{measure}"));
}
