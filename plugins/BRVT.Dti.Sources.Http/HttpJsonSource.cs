using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Http.Fetching;
using BRVT.Dti.Sources.Http.Json;
using BRVT.Dti.Sources.Http.Reading;
using BRVT.Dti.Sources.Http.Settings;
using Polly;

namespace BRVT.Dti.Sources.Http;

/// <summary>
/// The <c>http-json</c> data source: reads the JSON API of a reporting system (e.g. the statistics of the provincial
/// public-service portal) page by page, finds the items at a JSON path, and maps each item to values — one value per
/// item, several measures per item, or raw records aggregated by the measures' derivations.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe; reads may run concurrently. Every request goes through the standard resilience pipeline of
/// Microsoft.Extensions.Http.Resilience configured from the source's <c>"resilience"</c> settings (timeouts per attempt
/// and in total, retries of transient failures with exponential backoff and jitter). A 4xx answer is not retried.
/// </para>
/// <para>
/// Nothing is lost: every row read is accepted or rejected with its location, the page's URL and the item's JSON
/// pointer (<c>https://…?page=2#/data/items/3</c>), and a reason. An API token is read from the environment variable
/// named in <c>"auth"</c> at each read; it is never stored, logged or shown, and is sent only to the configured URL's
/// host (a next link to another host is refused).
/// </para>
/// </remarks>
public sealed class HttpJsonSource : IDataSource
{
    private readonly HttpSourceSettings settings;
    private readonly PageFetcher fetcher;

    internal HttpJsonSource(DataSourceConfiguration configuration, HttpClient client, TimeProvider timeProvider)
    {
        Name = configuration.Name;
        settings = HttpSourceSettings.Parse(new SettingsReader(configuration));
        var pipeline = ResiliencePipelines.Build(settings.Resilience, timeProvider);
        fetcher = new PageFetcher(Name, settings, client, pipeline, timeProvider);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The configured URL; <c>{period}</c> stands for the period assessed.</summary>
    public string Url => settings.Url;

    /// <summary>
    /// Reads every page and accounts for every item. The account's rows are the items (one per item and mapped measure
    /// for wide items).
    /// </summary>
    /// <param name="request">The measures, period and units wanted.</param>
    /// <param name="cancellationToken">Stops the read (an <see cref="OperationCanceledException"/>, not a <see cref="DataSourceException"/>).</param>
    /// <returns>The observations and the account.</returns>
    /// <exception cref="DataSourceException">
    /// The API could not be read: a 4xx answer, a 5xx after the retries, a timeout, an answer that is not JSON or lacks
    /// the items, more pages than <c>"maxPages"</c>, a next link to another host, a missing token; or a mapped measure
    /// the definition cannot take; or strict mode met a bad item. The message names the source and the URL.
    /// </exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public async ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var ledger = new ItemLedger(Name, settings, request);
        var token = Token();
        var first = PageUrls.WithPeriod(settings.Url, request.Period);
        var paging = settings.Paging;
        var url = paging.Mode switch
        {
            PagingMode.Page or PagingMode.Offset => Paged(first, paging.First),
            _ => first,
        };
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var position = paging.First;
        var pages = 0;
        while (true)
        {
            using var page = await fetcher.FetchAsync(url, token, cancellationToken).ConfigureAwait(false);
            pages++;
            var count = AddItems(page, ledger);
            var next = Next(first, page, count, ref position);
            if (pages > paging.MaxPages && (count > 0 || next is not null))
            {
                // The page after the last allowed one is asked for only to learn whether that one was the last (a full
                // last page, or a next link to an empty page): it was not.
                var more = next is null ? string.Empty : $" and leads to {next}";
                throw new DataSourceException(Name,
                    $"the answer has more than {paging.MaxPages.ToString(CultureInfo.InvariantCulture)} pages (setting \"paging\": \"maxPages\"); page {pages.ToString(CultureInfo.InvariantCulture)} ({url}) has {count.ToString(CultureInfo.InvariantCulture)} more items{more}. Raise \"maxPages\" (nothing is read partially).", null);
            }

            if (next is null)
            {
                break;
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                throw new DataSourceException(Name, $"the next link of {url} leads back to {next}, which was read already; the API's paging loops.", null);
            }

            url = next;
        }

        return new SourceReadResult(ledger.Observations(first, pages), ledger.Account());
    }

    private Uri Paged(Uri url, long position)
    {
        var paging = settings.Paging;
        var paged = PageUrls.WithParameter(url, paging.Parameter!, position);
        return paging.SizeParameter is { } size ? PageUrls.WithParameter(paged, size, paging.Size) : paged;
    }

    private string? Token()
    {
        if (settings.Auth is not { } auth)
        {
            return null;
        }

        var token = Environment.GetEnvironmentVariable(auth.TokenVariable);
        return string.IsNullOrWhiteSpace(token)
            ? throw new DataSourceException(Name, $"the environment variable {auth.TokenVariable} (setting \"auth\": \"tokenVariable\") is not set; set it to the API token before reading.", null)
            : token.Trim();
    }

    private int AddItems(FetchedPage page, ItemLedger ledger)
    {
        var root = page.Document.RootElement;
        if (!settings.Items.TryFind(root, out var items))
        {
            throw new DataSourceException(Name, $"the answer from {page.Url} has no items at {settings.Items} (setting \"items\"); {Shape(root)}.", null);
        }

        if (items.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new DataSourceException(Name, $"the answer from {page.Url} has {JsonValues.Describe(items)} at {settings.Items} (setting \"items\"), not an array of items.", null);
        }

        var index = 0;
        var prefix = settings.Items.Pointer + "/";
        foreach (var item in items.EnumerateArray())
        {
            ledger.Add(page.Url, prefix + index.ToString(CultureInfo.InvariantCulture), item);
            index++;
        }

        return index;
    }

    private static string Shape(JsonElement root) => root.ValueKind == JsonValueKind.Object
        ? $"its top level has {PageUrls.Describe(root.EnumerateObject().Take(12).Select(p => $"\"{JsonValues.NameOf(p)}\""))}"
        : $"its top level is {JsonValues.Describe(root)}";

    private Uri? Next(Uri first, FetchedPage page, int count, ref long position)
    {
        var paging = settings.Paging;
        switch (paging.Mode)
        {
            case PagingMode.Page:
            case PagingMode.Offset:
                if (count == 0 || (paging.Size > 0 && count < paging.Size))
                {
                    return null;
                }

                position += paging.Mode == PagingMode.Page ? 1 : count;
                return Paged(first, position);
            case PagingMode.NextLink:
                if (!paging.NextPath!.TryFind(page.Document.RootElement, out var link) || link.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                var linkText = string.Empty;
                var isText = link.ValueKind == JsonValueKind.String && JsonValues.TryString(link, out linkText);
                if (isText && string.IsNullOrWhiteSpace(linkText))
                {
                    return null;
                }

                if (!isText || !Uri.TryCreate(page.Url, linkText.Trim(), out var next) || next.Scheme is not ("http" or "https"))
                {
                    throw new DataSourceException(Name, $"the next link at {paging.NextPath} in {page.Url} is {JsonValues.Describe(link)}, not a URL.", null);
                }

                if (!PageUrls.SameOrigin(next, page.Url))
                {
                    throw new DataSourceException(Name, $"the next link in {page.Url} leads to another host ({next.GetLeftPart(UriPartial.Authority)}); it is not followed, so that requests and tokens go only to the configured API.", null);
                }

                return new Uri(next.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped));
            default:
                return null;
        }
    }
}
