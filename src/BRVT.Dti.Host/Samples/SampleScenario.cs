namespace BRVT.Dti.Host.Samples;

/// <summary>
/// The deliberate features of the sample that show what the product does with real-world data: two communes with
/// identical data (a tie in both rankings), a commune whose 2024 workbook lacks two rows (missing data, scored by the
/// index's policy and flagged), and a self-assessed cell written as words (rejected and reported; the verified value
/// is used). Everything else is random but reproducible.
/// </summary>
internal static class SampleScenario
{
    /// <summary>Units whose data copies another unit's, so that they tie: twin → original.</summary>
    public static readonly IReadOnlyDictionary<string, string> Twins = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["xm-hoa-hiep"] = "xm-hoa-hoi",
    };

    /// <summary>Rows left out of a unit's self-assessment workbook: (unit, period) → measures.</summary>
    public static readonly IReadOnlyDictionary<(string Unit, string Period), string[]> MissingRows = new Dictionary<(string, string), string[]>
    {
        [("cd-suoi-rao", "2024")] = ["public_wifi", "website_updated"],
    };

    /// <summary>A self-assessed cell typed as words: (unit, period, measure) → text.</summary>
    public static readonly IReadOnlyDictionary<(string Unit, string Period, string Measure), string> WordsInsteadOfNumbers =
        new Dictionary<(string, string, string), string>
        {
            [("pm-toc-tien", "2024", "dx_meetings")] = "khoảng 5 cuộc",
        };

    /// <summary>The unit whose random numbers a unit uses (its twin's, or its own).</summary>
    public static string SeedOf(string unitId) => Twins.TryGetValue(unitId, out var original) ? original : unitId;
}
