namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>How the items of an answer carry values.</summary>
internal enum ItemMappingKind
{
    /// <summary>One value per item: unit, period, measure id and value (<c>"measurePath"</c>, <c>"valuePath"</c>).</summary>
    Long,

    /// <summary>Several measures per item, each at its own path (<c>"measures"</c>).</summary>
    Wide,

    /// <summary>Raw records (e.g. one item per dossier) aggregated into derived measures (<c>"records"</c>, <c>"fields"</c>).</summary>
    Records,
}
