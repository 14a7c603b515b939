using BRVT.Dti.Sources.Http.Json;

namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>The checked <c>"paging"</c> settings.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record PagingSettings
{
    public const int DefaultMaxPages = 100;

    public static readonly PagingSettings None = new() { Mode = PagingMode.None, MaxPages = 1 };

    private static readonly string[] Known = ["mode", "parameter", "first", "sizeParameter", "size", "nextPath", "maxPages"];

    public required PagingMode Mode { get; init; }

    /// <summary>The page or offset query parameter.</summary>
    public string? Parameter { get; init; }

    /// <summary>The first page number (page mode) or offset (offset mode).</summary>
    public long First { get; init; }

    /// <summary>The page size query parameter, or <see langword="null"/> when the API's own size is used.</summary>
    public string? SizeParameter { get; init; }

    /// <summary>The page size asked for; a page with fewer items is the last. 0 when not given.</summary>
    public int Size { get; init; }

    /// <summary>Next-link mode: where the next page's URL is.</summary>
    public JsonPath? NextPath { get; init; }

    /// <summary>At most this many pages are read; an answer with more is an error, never a silent cut.</summary>
    public required int MaxPages { get; init; }

    public static PagingSettings Parse(SettingsReader? reader)
    {
        if (reader is null)
        {
            return None;
        }

        reader.RejectUnknown(Known);
        var modeText = reader.RequiredString("mode", "\"page\" (a page number parameter), \"offset\" (an offset parameter) or \"next-link\" (each page gives the next page's URL).");
        var mode = modeText switch
        {
            "page" => PagingMode.Page,
            "offset" => PagingMode.Offset,
            "next-link" => PagingMode.NextLink,
            "none" => PagingMode.None,
            _ => throw reader.Error("mode", $"Unknown paging mode '{modeText}'. Use \"page\", \"offset\", \"next-link\" or \"none\"."),
        };
        var maxPages = (int)reader.OptionalInteger("maxPages", DefaultMaxPages, 1, 100_000);
        if (mode == PagingMode.None)
        {
            return None;
        }

        if (mode == PagingMode.NextLink)
        {
            foreach (var setting in new[] { "parameter", "first", "sizeParameter", "size" })
            {
                if (reader.Has(setting))
                {
                    throw reader.Error(setting, $"\"{setting}\" belongs to the \"page\" and \"offset\" modes; in \"next-link\" mode the next page's URL comes from \"nextPath\" (write the page size into the URL).");
                }
            }

            return new PagingSettings
            {
                Mode = mode,
                NextPath = HttpSourceSettings.Path(reader, "nextPath", required: true, allowWildcard: false,
                    "the JSON path of the next page's URL in each page, e.g. \"$.links.next\"")!,
                MaxPages = maxPages,
            };
        }

        if (reader.Has("nextPath"))
        {
            throw reader.Error("nextPath", "\"nextPath\" belongs to the \"next-link\" mode.");
        }

        var sizeParameter = reader.OptionalString("sizeParameter");
        var size = (int)reader.OptionalInteger("size", 0, 1, 100_000);
        if (sizeParameter is not null && size == 0)
        {
            throw reader.Error("size", "\"sizeParameter\" is given, so give the page size to ask for in \"size\", e.g. 100.");
        }

        if (mode == PagingMode.Offset && size == 0)
        {
            throw reader.Error("size", "Offset paging needs the page size in \"size\" (the API's page size, e.g. 100): a page with fewer items is the last.");
        }

        return new PagingSettings
        {
            Mode = mode,
            Parameter = reader.OptionalString("parameter") ?? (mode == PagingMode.Page ? "page" : "offset"),
            First = reader.OptionalInteger("first", mode == PagingMode.Page ? 1 : 0, 0, int.MaxValue),
            SizeParameter = sizeParameter,
            Size = size,
            MaxPages = maxPages,
        };
    }
}
