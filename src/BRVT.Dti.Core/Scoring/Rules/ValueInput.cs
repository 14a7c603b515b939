namespace BRVT.Dti.Scoring.Rules;

/// <summary>
/// The value a rule scores for one unit: one measure divided by a constant (<c>of</c>, default 1), or a ratio of two
/// measures. The special value <see cref="FullShare"/> marks a zero denominator that counts as full marks.
/// </summary>
internal sealed class ValueInput(string[] measures, double of, ZeroDenominator whenZero)
{
    /// <summary>A value that the kernels turn into a share of 1 whatever their parameters.</summary>
    public const double FullShare = double.PositiveInfinity;

    public IReadOnlyList<string> Measures => measures;

    public bool IsRatio => measures.Length == 2;

    public double Of => of;

    public double Value(ReadOnlySpan<double> inputs)
    {
        if (!IsRatio)
        {
            return inputs[0] / of;
        }

        var numerator = inputs[0];
        var denominator = inputs[1];
        if (double.IsNaN(numerator) || double.IsNaN(denominator))
        {
            return double.NaN;
        }

        if (denominator == 0)
        {
            return whenZero switch
            {
                ZeroDenominator.Zero => 0,
                ZeroDenominator.Full => FullShare,
                _ => double.NaN,
            };
        }

        return numerator / denominator;
    }

    public double Value(RuleInputs inputs, int unit) =>
        IsRatio ? Value([inputs.Column(0)[unit], inputs.Column(1)[unit]]) : inputs.Column(0)[unit] / of;

    public string Describe(ReadOnlySpan<double> inputs)
    {
        if (IsRatio)
        {
            return $"{RuleParameterReader.Format(inputs[0])} / {RuleParameterReader.Format(inputs[1])}";
        }

        return of == 1
            ? RuleParameterReader.Format(inputs[0])
            : $"{RuleParameterReader.Format(inputs[0])} / {RuleParameterReader.Format(of)}";
    }

    public string ParameterText() => IsRatio
        ? $"{measures[0]} / {measures[1]}"
        : of == 1 ? measures[0] : $"{measures[0]} / {RuleParameterReader.Format(of)}";
}
