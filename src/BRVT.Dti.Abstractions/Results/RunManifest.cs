namespace BRVT.Dti.Results;

/// <summary>
/// What is needed to reproduce a result: hashes of the definition and the data, the library version and the options.
/// Identical inputs give identical manifests; the manifest holds no clock time.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RunManifest
{
    /// <summary>The index identifier.</summary>
    public required string IndexId { get; init; }

    /// <summary>The index definition's version.</summary>
    public required string IndexVersion { get; init; }

    /// <summary>The SHA-256 of the definition in canonical form (lower-case hex).</summary>
    public required string DefinitionSha256 { get; init; }

    /// <summary>The SHA-256 of the units and observations in canonical order (lower-case hex).</summary>
    public required string DataSha256 { get; init; }

    /// <summary>The informational version of the library that computed the result.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The assessed period.</summary>
    public required string Period { get; init; }

    /// <summary>The number of units assessed.</summary>
    public required int UnitCount { get; init; }

    /// <summary>The number of observations used.</summary>
    public required int ObservationCount { get; init; }

    /// <summary>The options in force, by name, in ordinal order of names.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Options { get; init; }
}
