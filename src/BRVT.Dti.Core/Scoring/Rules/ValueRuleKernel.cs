using System.Globalization;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>A kernel that turns each unit's value into a share independently of the other units.</summary>
internal abstract class ValueRuleKernel(ValueInput input) : IRuleKernel
{
    public IReadOnlyList<string> Inputs => input.Measures;

    public abstract string Parameters { get; }

    protected ValueInput Input => input;

    public void Evaluate(RuleInputs inputs, Span<double> shares)
    {
        // The columns are fetched once, not per unit; the values are those of ValueInput.Value(inputs, unit).
        var first = inputs.Column(0);
        if (!input.IsRatio)
        {
            var of = input.Of;
            for (var unit = 0; unit < shares.Length; unit++)
            {
                shares[unit] = ShareOfValue(first[unit] / of);
            }

            return;
        }

        var second = inputs.Column(1);
        for (var unit = 0; unit < shares.Length; unit++)
        {
            shares[unit] = ShareOfValue(input.Value([first[unit], second[unit]]));
        }
    }

    public string Describe(ReadOnlySpan<double> inputs, double share)
    {
        var value = input.Value(inputs);
        var shown = input.Describe(inputs);
        if (double.IsNaN(share))
        {
            return $"{shown}: no value (missing data)";
        }

        if (value == ValueInput.FullShare)
        {
            return $"{shown}: nothing was due, counted as full marks → share 1";
        }

        var computed = input.IsRatio || input.Of != 1 ? $"{shown} = {RuleParameterReader.Format(value)}" : shown;
        return $"{computed}; {Explain(value)} → share {share.ToString("0.####", CultureInfo.InvariantCulture)}";
    }

    protected abstract double Share(double value);

    protected abstract string Explain(double value);

    private double ShareOfValue(double value)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        return value == ValueInput.FullShare ? 1 : Math.Clamp(Share(value), 0, 1);
    }
}
