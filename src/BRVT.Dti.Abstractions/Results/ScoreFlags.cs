namespace BRVT.Dti.Results;

/// <summary>What happened to a score, for reports and explanations.</summary>
[Flags]
public enum ScoreFlags
{
    /// <summary>Scored from observed data.</summary>
    None = 0,

    /// <summary>The node has no value: data were missing and the policy is <c>missing</c>.</summary>
    Missing = 1,

    /// <summary>The node does not apply to the unit's group or kind.</summary>
    NotApplicable = 2,

    /// <summary>Data were missing and the leaf was left out, its parent re-weighted (policy <c>exclude</c>).</summary>
    Excluded = 4,

    /// <summary>Data were missing and the leaf scored zero (policy <c>zero</c>).</summary>
    ZeroedMissing = 8,

    /// <summary>Some leaf below the node had missing data.</summary>
    IncompleteData = 16,
}
