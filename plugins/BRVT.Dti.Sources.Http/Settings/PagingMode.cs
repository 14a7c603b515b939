namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>How a source walks through the pages of an API's answer.</summary>
internal enum PagingMode
{
    /// <summary>One request; no paging.</summary>
    None,

    /// <summary>A page number parameter (<c>page=1, 2, …</c>).</summary>
    Page,

    /// <summary>An offset parameter (<c>offset=0, 100, …</c>) that advances by the items received.</summary>
    Offset,

    /// <summary>Each page names the next one's URL at a JSON path (<c>$.links.next</c>); absent or null ends.</summary>
    NextLink,
}
