using System.Buffers;
using System.Globalization;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Scoring.Rules;

/// <summary>
/// <c>relative</c>: value / the best value among the unit's peers (its ranking group, or all units) of the maximum;
/// when lower is better, best / value. A best value of zero or less gives no points to anyone.
/// </summary>
internal sealed class RelativeRule : IScoringRule
{
    public string Name => "relative";

    public IRuleKernel? Compile(RuleCompilationContext context)
    {
        var reader = new RuleParameterReader(context);
        var input = reader.Input(allowOf: true);
        var peers = reader.Choice("peers", "group", "group", "all");
        var direction = reader.Direction("direction", input?.Measures[0]);
        return context.HasProblems || input is null || peers is null ? null : new Kernel(input, peers == "all", direction);
    }

    private sealed class Kernel(ValueInput input, bool allPeers, Direction direction) : IRuleKernel
    {
        public IReadOnlyList<string> Inputs => input.Measures;

        public string Parameters =>
            $"{input.ParameterText()} relative to the best {(allPeers ? "unit" : "unit of the group")}, {(direction == Direction.HigherIsBetter ? "higher" : "lower")} is better";

        public void Evaluate(RuleInputs inputs, Span<double> shares)
        {
            var groups = allPeers ? 1 : Math.Max(1, inputs.PeerGroupCount);
            var rented = ArrayPool<double>.Shared.Rent(groups);
            try
            {
                var best = rented.AsSpan(0, groups);
                best.Fill(double.NaN);
                var peerGroups = inputs.PeerGroups;
                for (var unit = 0; unit < shares.Length; unit++)
                {
                    var value = input.Value(inputs, unit);
                    shares[unit] = value;
                    if (peerGroups[unit] < 0 || double.IsNaN(value) || double.IsInfinity(value))
                    {
                        continue;
                    }

                    ref var slot = ref best[allPeers ? 0 : peerGroups[unit]];
                    if (double.IsNaN(slot) || (direction == Direction.HigherIsBetter ? value > slot : value < slot))
                    {
                        slot = value;
                    }
                }

                for (var unit = 0; unit < shares.Length; unit++)
                {
                    var value = shares[unit];
                    var group = peerGroups[unit];
                    if (double.IsNaN(value) || group < 0)
                    {
                        shares[unit] = double.NaN;
                        continue;
                    }

                    shares[unit] = Share(value, best[allPeers ? 0 : group]);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }

        public string Describe(ReadOnlySpan<double> inputs, double share)
        {
            var value = input.Value(inputs);
            if (double.IsNaN(share))
            {
                return $"{input.Describe(inputs)}: no value (missing data)";
            }

            var shown = input.IsRatio ? $"{input.Describe(inputs)} = {RuleParameterReader.Format(value)}" : input.Describe(inputs);
            var best = share > 0 ? (direction == Direction.HigherIsBetter ? value / share : value * share) : double.NaN;
            var bestText = double.IsNaN(best) ? "the best peer value" : $"the best peer value {RuleParameterReader.Format(best)}";
            return $"{shown} relative to {bestText} → share {share.ToString("0.####", CultureInfo.InvariantCulture)}";
        }

        private double Share(double value, double best)
        {
            if (value == ValueInput.FullShare)
            {
                return 1;
            }

            if (direction == Direction.HigherIsBetter)
            {
                return best <= 0 || double.IsNaN(best) ? 0 : Math.Clamp(value / best, 0, 1);
            }

            if (double.IsNaN(best) || best < 0)
            {
                return 0;
            }

            return value <= best ? 1 : Math.Clamp(best / value, 0, 1);
        }
    }
}
