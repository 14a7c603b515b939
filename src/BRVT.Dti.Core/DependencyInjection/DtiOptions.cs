namespace BRVT.Dti;

/// <summary>Options of the engine registered by <c>AddDti</c>.</summary>
public sealed class DtiOptions
{
    /// <summary>Limits on what definitions may contain.</summary>
    public DtiLimits Limits { get; set; } = DtiLimits.Default;
}
