namespace BRVT.Dti.Definitions;

/// <summary>
/// An index definition as an author writes it in JSON: metadata, scale, units and groups, measures, the node tree,
/// views, bands, ranking and missing-data policies. Validate and compile it into a scoring plan before use.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IndexDefinition
{
    /// <summary>The stable identifier, e.g. <c>vn-dti-province-2022</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version of this definition, e.g. <c>2022.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The decision that issued the index, e.g. <c>922/QĐ-BTTTT</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>The assessment year the definition is for.</summary>
    public int? Year { get; init; }

    /// <summary>The title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>A description for authors and reports.</summary>
    public string? Description { get; init; }

    /// <summary>The scale of the index.</summary>
    public required ScaleDefinition Scale { get; init; }

    /// <summary>The kind of assessment period.</summary>
    public PeriodKind Period { get; init; } = PeriodKind.Year;

    /// <summary>The unit kinds assessed (agency, district, commune, province…); empty means any kind.</summary>
    public IReadOnlyList<string> UnitKinds { get; init; } = [];

    /// <summary>The groups units belong to; each is ranked apart. Empty means one implicit group of all units.</summary>
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];

    /// <summary>The measures that rules read.</summary>
    public IReadOnlyList<MeasureDefinition> Measures { get; init; } = [];

    /// <summary>How the top-level nodes combine into the total.</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.Sum;

    /// <summary>The top-level nodes of the tree.</summary>
    public required IReadOnlyList<NodeDefinition> Nodes { get; init; }

    /// <summary>Views over shared nodes, such as overlapping pillars.</summary>
    public IReadOnlyList<ViewDefinition> Views { get; init; } = [];

    /// <summary>Classification bands over the total share.</summary>
    public IReadOnlyList<BandDefinition> Bands { get; init; } = [];

    /// <summary>The ranking policy.</summary>
    public RankingPolicy Ranking { get; init; } = new();

    /// <summary>The default missing-data policy.</summary>
    public MissingDataPolicy MissingData { get; init; } = MissingDataPolicy.Zero;
}
