namespace BRVT.Dti.Definitions;

/// <summary>The scale of an index: its maximum points and how values are published.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScaleDefinition
{
    /// <summary>The maximum points of the whole index, e.g. 1000 for the national DTI, or 1 for an index of shares.</summary>
    public required double MaxPoints { get; init; }

    /// <summary>Decimals of published values (shares in 0..1); the DTI publishes 4. Full precision is kept inside.</summary>
    public int Decimals { get; init; } = 4;
}
