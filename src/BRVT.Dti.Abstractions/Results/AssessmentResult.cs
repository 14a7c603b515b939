namespace BRVT.Dti.Results;

/// <summary>
/// The result of assessing a set of units with one index for one period: every unit's score on every node and view,
/// ranks, bands, the data issues met on the way and the manifest to reproduce it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AssessmentResult
{
    /// <summary>The index identifier.</summary>
    public required string IndexId { get; init; }

    /// <summary>The index definition's version.</summary>
    public required string IndexVersion { get; init; }

    /// <summary>The assessed period.</summary>
    public required string Period { get; init; }

    /// <summary>The nodes of the index, root first, then depth first in definition order.</summary>
    public required IReadOnlyList<ResultNode> Nodes { get; init; }

    /// <summary>The views of the index.</summary>
    public required IReadOnlyList<ResultView> Views { get; init; }

    /// <summary>The units' results, in the order the units were given.</summary>
    public required IReadOnlyList<UnitResult> Units { get; init; }

    /// <summary>Problems with the data that did not stop the assessment.</summary>
    public required IReadOnlyList<DataIssue> Issues { get; init; }

    /// <summary>What is needed to reproduce the result.</summary>
    public required RunManifest Manifest { get; init; }
}
