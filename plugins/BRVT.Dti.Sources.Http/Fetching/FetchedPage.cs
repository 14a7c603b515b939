using System.Text.Json;

namespace BRVT.Dti.Sources.Http.Fetching;

/// <summary>One page of an API's answer, parsed.</summary>
/// <param name="Url">The page's URL.</param>
/// <param name="Document">The parsed JSON; disposed with the page.</param>
/// <param name="Attempts">How many attempts the request took (1 when no retry was needed).</param>
internal sealed record FetchedPage(Uri Url, JsonDocument Document, int Attempts) : IDisposable
{
    public void Dispose() => Document.Dispose();
}
