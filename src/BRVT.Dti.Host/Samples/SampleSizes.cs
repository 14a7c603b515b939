namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Plausible sizes for the denominators of the sample's ratios, by unit kind (a department has a few hundred staff, a
/// commune a few dozen). Sizes of unknown measures fall back to a modest range, so a new indicator still gets data.
/// </summary>
internal static class SampleSizes
{
    private static readonly Dictionary<string, (int Min, int Max)[]> Ranges = new(StringComparer.Ordinal)
    {
        // measure id → ranges for agency, district, commune
        ["staff_total"] = [(40, 260), (120, 450), (18, 32)],
        ["computers"] = [(45, 300), (130, 480), (15, 30)],
        ["systems_total"] = [(2, 9), (3, 8), (1, 3)],
        ["dx_tasks"] = [(8, 30), (12, 40), (5, 12)],
        ["procedures_eligible"] = [(20, 160), (80, 180), (40, 110)],
        ["procedures_total"] = [(30, 240), (120, 260), (60, 150)],
        ["work_records"] = [(1500, 9000), (4000, 16000), (600, 3000)],
        ["reports_periodic"] = [(18, 60), (30, 70), (15, 40)],
        ["inspections"] = [(4, 30), (6, 25), (1, 6)],
        ["docs_outgoing"] = [(2000, 12000), (5000, 20000), (800, 4000)],
        ["hamlets"] = [(0, 0), (40, 160), (4, 16)],
        ["businesses"] = [(0, 0), (3000, 25000), (150, 2500)],
        ["residents_14plus"] = [(0, 0), (40000, 250000), (4000, 35000)],
        ["households"] = [(0, 0), (15000, 90000), (1500, 12000)],
    };

    /// <summary>Dossiers a unit receives in a year, by kind.</summary>
    public static (int Min, int Max) Dossiers(string kind) => kind switch
    {
        "agency" => (1500, 9000),
        "district" => (4000, 14000),
        _ => (300, 2500),
    };

    public static int Pick(string measure, string kind, SampleRandom random)
    {
        var index = kind switch { "agency" => 0, "district" => 1, _ => 2 };
        var (min, max) = Ranges.TryGetValue(measure, out var ranges) && ranges[index].Max > 0 ? ranges[index] : (5, 60);
        return random.Between(min, max);
    }
}
