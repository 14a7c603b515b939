namespace BRVT.Dti.Validation;

/// <summary>How serious a problem found in an index definition is.</summary>
public enum ProblemSeverity
{
    /// <summary>The definition cannot be used until the problem is fixed.</summary>
    Error,

    /// <summary>The definition can be used, but the problem should be fixed (for example, non-standard JSON syntax).</summary>
    Warning,
}
