using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Http.Settings;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace BRVT.Dti.Sources.Http.Fetching;

/// <summary>
/// Gets one page: sends the request through the source's resilience pipeline, reads the body up to
/// <c>"maxResponseBytes"</c> within the total timeout, and parses it as JSON. Every failure becomes a
/// <see cref="DataSourceException"/> that names the source, the URL and what to do; the caller's cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class PageFetcher(string source, HttpSourceSettings settings, HttpClient client, ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider timeProvider)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    public async Task<FetchedPage> FetchAsync(Uri url, string? token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var request = CreateRequest(url, token);

        // The pipeline bounds the request; this bounds the body that follows it too.
        using var deadline = new CancellationTokenSource(settings.Resilience.TotalTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        request.SetResilienceContext(context);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Failure(url, exception, Attempts(context));
            }

            using (response)
            {
                var attempts = Attempts(context);
                if (!response.IsSuccessStatusCode)
                {
                    throw StatusFailure(url, response, attempts);
                }

                byte[] body;
                int length;
                try
                {
                    (body, length) = await ReadBodyAsync(url, response, linked.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    throw exception as DataSourceException ?? Failure(url, exception, attempts);
                }

                return new FetchedPage(url, Parse(url, response, body, length), attempts);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private HttpRequestMessage CreateRequest(Uri url, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!settings.Headers.Any(h => string.Equals(h.Key, "Accept", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        foreach (var header in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (token is not null && settings.Auth is { } auth)
        {
            request.Headers.TryAddWithoutValidation(auth.Header, auth.Scheme.Length == 0 ? token : $"{auth.Scheme} {token}");
        }

        request.Options.Set(ResiliencePipelines.PipelineOption, pipeline);
        return request;
    }

    private static int Attempts(ResilienceContext context) => context.Properties.GetValue(ResiliencePipelines.Retries, 0) + 1;

    private async Task<(byte[] Body, int Length)> ReadBodyAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var max = settings.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > max)
        {
            throw TooLarge(url);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(response.Content.Headers.ContentLength ?? 16 * 1024, max) + 1];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        throw TooLarge(url);
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, max + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
    }

    private DataSourceException TooLarge(Uri url) =>
        new(source, $"the answer from {url} is larger than {settings.MaxResponseBytes.ToString(CultureInfo.InvariantCulture)} bytes (setting \"maxResponseBytes\"). Ask for smaller pages (\"paging\") or raise the limit.", null);

    private JsonDocument Parse(Uri url, HttpResponseMessage response, byte[] body, int length)
    {
        var bytes = body.AsMemory(0, length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            // The parser does not check the bytes inside strings; reading such a string later would throw.
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no Content-Type";
            throw new DataSourceException(source,
                $"the answer from {url} is not valid UTF-8 ({mediaType}; byte {FirstInvalidUtf8(bytes.Span).ToString(CultureInfo.InvariantCulture)} of {bytes.Length.ToString(CultureInfo.InvariantCulture)} does not begin a UTF-8 character). JSON is UTF-8: ask the API's operator to send UTF-8, and check the URL: a file or page in another encoding is not the API's answer.", null);
        }

        try
        {
            return JsonDocument.Parse(bytes, JsonOptions);
        }
        catch (JsonException exception)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no Content-Type";
            var start = Encoding.UTF8.GetString(bytes.Span[..Math.Min(bytes.Length, 60)]).ReplaceLineEndings(" ").Trim();
            var shown = start.Length == 0 ? "the body is empty" : $"it starts with '{start}{(bytes.Length > 60 ? "…" : string.Empty)}'";
            throw new DataSourceException(source,
                $"the answer from {url} is not JSON ({mediaType}; {shown}): {exception.Message} Check the URL and the token: a login or error page is not the API's answer.", exception);
        }
    }

    /// <summary>The offset of the first byte that does not begin a valid UTF-8 sequence.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private DataSourceException StatusFailure(Uri url, HttpResponseMessage response, int attempts)
    {
        var code = (int)response.StatusCode;
        var status = $"HTTP {code.ToString(CultureInfo.InvariantCulture)} ({response.ReasonPhrase ?? response.StatusCode.ToString()}) from {url}";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts.ToString(CultureInfo.InvariantCulture)} attempts";
        if (code is >= 500 or 408 or 429)
        {
            return new DataSourceException(source, $"{status} after {tries} (setting \"resilience\": {{ \"attempts\": {settings.Resilience.Attempts.ToString(CultureInfo.InvariantCulture)} }}). The server is failing; try again later or ask its operator.", null);
        }

        if (code is >= 300 and < 400)
        {
            var location = response.Headers.Location is { } target ? new Uri(url, target).ToString() : "no Location header";
            return new DataSourceException(source, $"{status} redirects to {location}; redirects are not followed, so that headers and tokens go only to the configured URL. Write the final URL in \"url\".", null);
        }

        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => settings.Auth is { } auth
                ? $"the server refused the token in the environment variable {auth.TokenVariable}; check that it is current and allowed to read this API"
                : "the API needs a token: set one in an environment variable and name it in \"auth\": { \"tokenVariable\": \"…\" }",
            HttpStatusCode.NotFound => "check the URL (setting \"url\") and the paging parameters",
            _ => "the request is wrong; check the URL, its query and the headers",
        };
        return new DataSourceException(source, $"{status}; not retried, since a 4xx answer means the request itself is wrong: {hint}.", null);
    }

    private DataSourceException Failure(Uri url, Exception exception, int attempts)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts.ToString(CultureInfo.InvariantCulture)} attempts";
        var resilience = settings.Resilience;
        return exception switch
        {
            TimeoutRejectedException or OperationCanceledException => new DataSourceException(source,
                $"{url} did not answer in time after {tries} (each attempt may take {Seconds(resilience.AttemptTimeout)}, the whole request {Seconds(resilience.TotalTimeout)}: settings \"resilience\": \"attemptTimeoutSeconds\", \"totalTimeoutSeconds\").",
                exception),
            BrokenCircuitException => new DataSourceException(source,
                $"{url} failed too often recently, so requests to it are paused (circuit breaker); try again in a while.", exception),
            HttpRequestException http => new DataSourceException(source,
                $"{url} could not be reached after {tries}: {http.Message}", exception),
            _ => new DataSourceException(source, $"{url} could not be read: {exception.Message}", exception),
        };
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
