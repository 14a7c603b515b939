using System.Globalization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// A normalisation method and its parameters. Build one with the factory methods, e.g. <see cref="MinMax"/>(0, 100).
/// Direction −1 is applied before normalising: values (and targets, goalposts) are multiplied by −1.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Normalisation
{
    /// <summary>The method (default <see cref="NormalisationKind.MinMax"/>).</summary>
    public NormalisationKind Kind { get; init; } = NormalisationKind.MinMax;

    /// <summary>Min-max: the value given to the worst unit (default 0).</summary>
    public double Low { get; init; }

    /// <summary>Min-max: the value given to the best unit (default 100).</summary>
    public double High { get; init; } = 100;

    /// <summary>Z-score: the mean of the result (default 0).</summary>
    public double Mean { get; init; }

    /// <summary>Z-score: the standard deviation of the result (default 1).</summary>
    public double StandardDeviation { get; init; } = 1;

    /// <summary>Goalposts and distance to target: the factor applied to the 0..1 result (default 1).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Goalposts: truncate to the goalposts; distance to target: cap at the target (default false).</summary>
    public bool Capped { get; init; }

    /// <summary>Min-max onto [low, high] (COINr default: 0..100).</summary>
    /// <param name="low">The value of the worst unit.</param>
    /// <param name="high">The value of the best unit.</param>
    /// <returns>The method.</returns>
    public static Normalisation MinMax(double low = 0, double high = 100) => new() { Kind = NormalisationKind.MinMax, Low = low, High = high };

    /// <summary>Z-scores with the chosen mean and standard deviation.</summary>
    /// <param name="mean">The mean of the result.</param>
    /// <param name="standardDeviation">The standard deviation of the result.</param>
    /// <returns>The method.</returns>
    public static Normalisation ZScore(double mean = 0, double standardDeviation = 1) => new() { Kind = NormalisationKind.ZScore, Mean = mean, StandardDeviation = standardDeviation };

    /// <summary>Ranks from the bottom (ties share the lowest rank).</summary>
    /// <returns>The method.</returns>
    public static Normalisation Rank() => new() { Kind = NormalisationKind.Rank };

    /// <summary>Percentile ranks in 0..1.</summary>
    /// <returns>The method.</returns>
    public static Normalisation PercentileRank() => new() { Kind = NormalisationKind.PercentileRank };

    /// <summary>Borda scores (the number of units with a lower value).</summary>
    /// <returns>The method.</returns>
    public static Normalisation Borda() => new() { Kind = NormalisationKind.Borda };

    /// <summary>Goalposts from each indicator's <see cref="CompositeNode.GoalpostLow"/> and <see cref="CompositeNode.GoalpostHigh"/>.</summary>
    /// <param name="scale">The factor applied to the 0..1 result.</param>
    /// <param name="truncate">Whether values beyond the goalposts are truncated to 0 or 1 (COINr default: true).</param>
    /// <returns>The method.</returns>
    public static Normalisation Goalposts(double scale = 1, bool truncate = true) => new() { Kind = NormalisationKind.Goalposts, Scale = scale, Capped = truncate };

    /// <summary>Distance to each indicator's <see cref="CompositeNode.Target"/>.</summary>
    /// <param name="capped">Whether values beyond the target score 1 (COINr default: false).</param>
    /// <param name="scale">The factor applied to the result.</param>
    /// <returns>The method.</returns>
    public static Normalisation DistanceToTarget(bool capped = false, double scale = 1) => new() { Kind = NormalisationKind.DistanceToTarget, Capped = capped, Scale = scale };

    /// <summary>Values as they are (after the direction).</summary>
    /// <returns>The method.</returns>
    public static Normalisation None() => new() { Kind = NormalisationKind.None };

    /// <summary>Checks the parameters.</summary>
    /// <exception cref="ArgumentException">The method is unknown or a parameter is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown normalisation {Kind}.", nameof(Kind));
        }

        if (Kind == NormalisationKind.MinMax && !(double.IsFinite(Low) && double.IsFinite(High) && High > Low))
        {
            throw new ArgumentException("Min-max normalisation needs finite bounds with high > low.", nameof(High));
        }

        if (Kind == NormalisationKind.ZScore && !(double.IsFinite(Mean) && StandardDeviation > 0 && double.IsFinite(StandardDeviation)))
        {
            throw new ArgumentException("Z-score normalisation needs a finite mean and a positive standard deviation.", nameof(StandardDeviation));
        }

        if (Kind is NormalisationKind.Goalposts or NormalisationKind.DistanceToTarget && !(Scale > 0 && double.IsFinite(Scale)))
        {
            throw new ArgumentException("The scale must be positive.", nameof(Scale));
        }
    }

    /// <summary>A short label, e.g. <c>MinMax[0, 100]</c>.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Kind switch
    {
        NormalisationKind.MinMax => string.Create(CultureInfo.InvariantCulture, $"MinMax[{Low}, {High}]"),
        NormalisationKind.ZScore => string.Create(CultureInfo.InvariantCulture, $"ZScore(mean {Mean}, sd {StandardDeviation})"),
        NormalisationKind.Goalposts => string.Create(CultureInfo.InvariantCulture, $"Goalposts(scale {Scale}{(Capped ? ", truncated" : "")})"),
        NormalisationKind.DistanceToTarget => string.Create(CultureInfo.InvariantCulture, $"DistanceToTarget(scale {Scale}{(Capped ? ", capped" : "")})"),
        _ => Kind.ToString(),
    };
}
