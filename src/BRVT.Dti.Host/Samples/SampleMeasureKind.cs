namespace BRVT.Dti.Host.Samples;

/// <summary>How the sample generator invents a measure's value, read off the rule that scores it.</summary>
internal enum SampleMeasureKind
{
    /// <summary>A yes/no answer (1/0).</summary>
    Flag,

    /// <summary>A yes/partly/no answer (1/0.5/0).</summary>
    HalfFlag,

    /// <summary>A count scored in bands; more is better.</summary>
    Count,

    /// <summary>A count scored in bands; fewer is better (e.g. security incidents).</summary>
    Incidents,

    /// <summary>The denominator of a ratio (a size: staff, computers, procedures).</summary>
    Denominator,

    /// <summary>The numerator of a ratio: a part of its denominator.</summary>
    Numerator,

    /// <summary>Derived from raw records (dossiers); not generated as a figure.</summary>
    Derived,
}
