using BRVT.Dti.Definitions;

namespace BRVT.Dti.Ranking;

/// <summary>Finds a unit's band from its total share, rounded to the published decimals (so the band matches what is shown).</summary>
internal static class BandClassifier
{
    public static string? Classify(IReadOnlyList<BandDefinition> bands, double share, int decimals)
    {
        if (double.IsNaN(share))
        {
            return null;
        }

        var shown = Math.Round(share, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
        foreach (var band in bands)
        {
            if (shown >= band.From && (shown < band.To || (band.To >= 1 && shown <= band.To)))
            {
                return band.Id;
            }
        }

        return null;
    }
}
