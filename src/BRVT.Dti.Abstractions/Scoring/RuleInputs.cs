namespace BRVT.Dti.Scoring;

/// <summary>
/// The columns a kernel reads for one evaluation: one <see cref="double"/> per unit and input measure
/// (<see cref="double.NaN"/> when missing), and each unit's peer group for rules that compare units.
/// </summary>
/// <remarks>Created by the engine for each evaluation; not thread-safe, but never shared between evaluations.</remarks>
public sealed class RuleInputs
{
    private readonly double[][] columns;
    private readonly int[] peerGroups;

    /// <summary>Creates the inputs of one evaluation.</summary>
    /// <param name="columns">One column per input measure, each with one value per unit.</param>
    /// <param name="peerGroups">Each unit's peer group ordinal, or -1 when the leaf does not apply to the unit.</param>
    /// <param name="peerGroupCount">The number of peer groups.</param>
    /// <exception cref="ArgumentException">A column's length differs from the number of units.</exception>
    public RuleInputs(double[][] columns, int[] peerGroups, int peerGroupCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(peerGroups);
        ArgumentOutOfRangeException.ThrowIfNegative(peerGroupCount);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (column.Length != peerGroups.Length)
            {
                throw new ArgumentException("Every column must hold one value per unit.", nameof(columns));
            }
        }

        this.columns = columns;
        this.peerGroups = peerGroups;
        PeerGroupCount = peerGroupCount;
    }

    /// <summary>The number of units.</summary>
    public int UnitCount => peerGroups.Length;

    /// <summary>The number of input columns.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>The number of peer groups.</summary>
    public int PeerGroupCount { get; }

    /// <summary>Each unit's peer group (its ranking group), or -1 when the leaf does not apply to the unit.</summary>
    public ReadOnlySpan<int> PeerGroups => peerGroups;

    /// <summary>The values of one input measure, one per unit.</summary>
    /// <param name="index">The input's index in <see cref="IRuleKernel.Inputs"/>.</param>
    /// <returns>The column.</returns>
    public ReadOnlySpan<double> Column(int index) => columns[index];
}
