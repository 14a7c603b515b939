namespace BRVT.Dti.Analysis;

/// <summary>
/// The normalised indicators of one scenario (imputation × normalisation), transformed once for one aggregation kind:
/// T(x) per leaf and unit (x, ln x or 1/x; 0 where missing), with presence, zero and negative flags, and for each
/// aggregate whose children are all indicators, whether a unit has every positively weighted child present and
/// positive (the fast path: its denominator is the same for every such unit).
/// </summary>
internal sealed class LeafBlock
{
    public LeafBlock(IndicatorMatrix normalised, CompositeStructure structure, AggregationKind kind)
    {
        var leaves = structure.LeafCodes;
        Units = normalised.UnitCount;
        Transformed = new double[leaves.Length][];
        Present = new bool[leaves.Length][];
        Zero = new bool[leaves.Length][];
        Negative = new bool[leaves.Length][];
        Presence = new double[leaves.Length][];
        for (var l = 0; l < leaves.Length; l++)
        {
            var column = normalised.ColumnArray(normalised.IndexOfIndicator(leaves[l]));
            Transformed[l] = new double[Units];
            Present[l] = new bool[Units];
            Zero[l] = new bool[Units];
            Negative[l] = new bool[Units];
            Presence[l] = new double[Units];
            for (var u = 0; u < Units; u++)
            {
                var x = column[u];
                Present[l][u] = !double.IsNaN(x);
                Presence[l][u] = Present[l][u] ? 1 : 0;
                Transformed[l][u] = Present[l][u] ? AggregationKernel.Transform(kind, x) : 0;
                Zero[l][u] = Present[l][u] && AggregationKernel.IsZero(kind, x);
                Negative[l][u] = Present[l][u] && AggregationKernel.IsNegative(kind, x);
            }
        }

        Complete = new bool[structure.ChildRefs.Length][];
        for (var a = 0; a < structure.ChildRefs.Length; a++)
        {
            var children = structure.ChildRefs[a];
            if (children.Any(c => c >= leaves.Length))
            {
                continue;
            }

            var complete = new bool[Units];
            Complete[a] = complete;
            for (var u = 0; u < Units; u++)
            {
                complete[u] = children.All(c => !(structure.Weights[c] > 0) || (Present[c][u] && !Zero[c][u] && !Negative[c][u]));
            }
        }
    }

    public int Units { get; }

    public double[][] Transformed { get; }

    public bool[][] Present { get; }

    /// <summary>1 where a value is present, 0 where it is missing (the presence matrix of the products).</summary>
    public double[][] Presence { get; }

    public bool[][] Zero { get; }

    public bool[][] Negative { get; }

    /// <summary>Per aggregate (null when it has an aggregate child), whether each unit can take the fast path.</summary>
    public bool[]?[] Complete { get; }
}
