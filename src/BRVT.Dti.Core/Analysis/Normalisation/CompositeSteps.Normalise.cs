using System.Globalization;

namespace BRVT.Dti.Analysis;

public static partial class CompositeSteps
{
    /// <summary>
    /// Normalises every column. An indicator with direction −1 in the structure is first multiplied by −1, with its
    /// target and goalposts, so that higher is better after this step. Columns not in the structure count as direction 1.
    /// Missing values stay missing; statistics (min, max, mean, sd, ranks) use the values present.
    /// A column with a single distinct value gets the middle of the range (min-max), the chosen mean (z-score) or
    /// 0.5 (percentile rank), noted in the report.
    /// </summary>
    /// <param name="matrix">The indicator data.</param>
    /// <param name="structure">Directions, targets and goalposts.</param>
    /// <param name="method">The normalisation.</param>
    /// <returns>The normalised matrix and the report.</returns>
    /// <exception cref="ArgumentException">The method's parameters are invalid.</exception>
    /// <exception cref="DefinitionException">Goalposts or targets are needed but an indicator has none.</exception>
    public static StepResult<NormalisationReport> Normalise(IndicatorMatrix matrix, CompositeStructure structure, Normalisation method)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(method);
        method.Validate();
        var nodes = matrix.CodeArray.Select(c => structure.Contains(c) ? structure[c] : new CompositeNode(c, 1, null)).ToArray();
        CheckParameters(nodes, method);
        var notes = new List<string>();
        var columns = new double[nodes.Length][];
        for (var c = 0; c < nodes.Length; c++)
        {
            columns[c] = NormaliseColumn(matrix.ColumnArray(c), nodes[c], method, notes);
        }

        var reversed = nodes.Where(n => n.Direction == -1).Select(n => n.Code).ToArray();
        return new(matrix.WithColumns(matrix.CodeArray, columns), new NormalisationReport(method, Array.AsReadOnly(reversed), notes.AsReadOnly()));
    }

    /// <summary>Throws when the method needs goalposts or targets that some indicator lacks.</summary>
    internal static void CheckParameters(IEnumerable<CompositeNode> nodes, Normalisation method)
    {
        var lacking = method.Kind switch
        {
            NormalisationKind.Goalposts => nodes.Where(n => n.GoalpostLow is null || n.GoalpostHigh is null).Select(n => n.Code).ToList(),
            NormalisationKind.DistanceToTarget => nodes.Where(n => n.Target is null).Select(n => n.Code).ToList(),
            _ => [],
        };
        if (lacking.Count > 0)
        {
            var what = method.Kind == NormalisationKind.Goalposts ? "goalposts" : "a target";
            throw new DefinitionException($"{method.Kind} normalisation needs {what} for every indicator; missing for: {string.Join(", ", lacking)}.");
        }
    }

    private static double[] NormaliseColumn(double[] raw, CompositeNode node, Normalisation method, List<string> notes)
    {
        var d = node.Direction;
        var x = new double[raw.Length];
        for (var u = 0; u < x.Length; u++)
        {
            x[u] = d * raw[u];
        }

        var sorted = ColumnStatistics.PresentSorted(x);
        var y = new double[x.Length];
        if (sorted.Length == 0)
        {
            Array.Fill(y, double.NaN);
            notes.Add($"{node.Code}: no value to normalise.");
            return y;
        }

        var (min, max) = (sorted[0], sorted[^1]);
        switch (method.Kind)
        {
            case NormalisationKind.None:
                Array.Copy(x, y, x.Length);
                break;
            case NormalisationKind.MinMax:
                if (max == min)
                {
                    notes.Add($"{node.Code}: a single distinct value; min-max gives every unit the middle of the range.");
                }

                for (var u = 0; u < x.Length; u++)
                {
                    y[u] = max == min ? Present(x[u], (method.Low + method.High) / 2) : ((x[u] - min) / (max - min) * (method.High - method.Low)) + method.Low;
                }

                break;
            case NormalisationKind.ZScore:
                var mean = ColumnStatistics.Mean(sorted);
                var sd = ColumnStatistics.SampleStandardDeviation(sorted);
                var degenerate = !(sd > 0);
                if (degenerate)
                {
                    notes.Add($"{node.Code}: no spread (fewer than two distinct values); z-scores are the chosen mean.");
                }

                for (var u = 0; u < x.Length; u++)
                {
                    y[u] = degenerate ? Present(x[u], method.Mean) : ((x[u] - mean) / sd * method.StandardDeviation) + method.Mean;
                }

                break;
            case NormalisationKind.Rank:
            case NormalisationKind.PercentileRank:
            case NormalisationKind.Borda:
                var ranks = Ranks.AscendingMin(x);
                var n = sorted.Length;
                if (method.Kind == NormalisationKind.PercentileRank && n == 1)
                {
                    notes.Add($"{node.Code}: a single value; its percentile rank is 0.5.");
                }

                for (var u = 0; u < x.Length; u++)
                {
                    y[u] = method.Kind switch
                    {
                        NormalisationKind.Rank => ranks[u],
                        NormalisationKind.Borda => ranks[u] - 1,
                        _ => n == 1 ? Present(x[u], 0.5) : (ranks[u] - 1) / (n - 1),
                    };
                }

                break;
            case NormalisationKind.Goalposts:
                var lo = d == 1 ? node.GoalpostLow!.Value : -node.GoalpostHigh!.Value;
                var hi = d == 1 ? node.GoalpostHigh!.Value : -node.GoalpostLow!.Value;
                for (var u = 0; u < x.Length; u++)
                {
                    var g = (x[u] - lo) / (hi - lo);
                    y[u] = (method.Capped ? Math.Clamp(g, 0, 1) : g) * method.Scale;
                }

                break;
            case NormalisationKind.DistanceToTarget:
                var target = d * node.Target!.Value;
                if (target <= min)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{node.Code}: every unit is at or beyond the target {node.Target}; all score {method.Scale}."));
                }

                for (var u = 0; u < x.Length; u++)
                {
                    var t = target <= min ? Present(x[u], 1) : (x[u] - min) / (target - min);
                    y[u] = (method.Capped ? Math.Min(t, 1) : t) * method.Scale;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method.Kind, "Unknown normalisation.");
        }

        return y;
    }

    /// <summary>The value for a present cell; NaN stays NaN.</summary>
    private static double Present(double x, double value) => double.IsNaN(x) ? double.NaN : value;
}
