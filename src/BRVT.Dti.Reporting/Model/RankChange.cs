using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting.Model;

/// <summary>How a unit moved since the previous period.</summary>
/// <param name="Current">The unit's current result.</param>
/// <param name="Previous">The unit's previous result, or <see langword="null"/> when it was not assessed then.</param>
internal sealed record RankChange(UnitResult Current, UnitResult? Previous)
{
    /// <summary>Places gained (previous rank minus current rank; positive is better), when both ranks exist.</summary>
    public int? Places => Current.Rank is { } now && Previous?.Rank is { } before ? before - now : null;

    /// <summary>The change of the total share; <see cref="double.NaN"/> when either is missing.</summary>
    public double ValueChange => Previous is null ? double.NaN : Current.Total.Value - Previous.Total.Value;
}
