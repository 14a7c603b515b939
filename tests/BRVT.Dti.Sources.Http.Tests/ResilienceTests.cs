using System.Diagnostics;
using BRVT.Dti.Data;
using Microsoft.AspNetCore.Http;

namespace BRVT.Dti.Sources.Http.Tests;

/// <summary>The loopback API fails on purpose; retries are counted by the server.</summary>
public sealed class ResilienceTests
{
    private const string Page = """{ "data": { "items": [ { "u": "so-yt", "m": "m1", "v": 75 }, { "u": "p1", "m": "m1", "v": 40 } ] } }""";

    private static string Settings(Uri baseUri, string path, string resilience, string extra = "") => $$"""
        { "name": "cong-dvc", "url": "{{baseUri}}{{path.TrimStart('/')}}", "period": "2023", "items": "$.data.items[*]",
          "unitPath": "u", "measurePath": "m", "valuePath": "v", "resilience": {{resilience}}{{extra}} }
        """;

    [Fact]
    public async Task ReadAsync_503TwiceThen200_RetriesAndReadsEverything()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/flaky", (context, hit) => hit <= 2 ? LoopbackApi.Status(context, 503) : LoopbackApi.Json(context, Page));

        var result = await TestSources.Create(Settings(api.BaseUri, "/flaky", TestSources.Resilience(attempts: 3))).ReadAsync(Assessment.Request());

        Assert.Equal(3, api.Hits("/flaky"));
        Assert.Equal([75.0, 40.0], result.Observations.Select(o => o.Value));
        Assert.Equal((2L, 2L, 0), (result.Account.RowsRead, result.Account.RowsAccepted, result.Account.Rejected.Count));
    }

    [Fact]
    public async Task ReadAsync_500Forever_ThrowsAfterTheConfiguredAttempts()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/broken", (context, _) => LoopbackApi.Status(context, 500));
        var url = api.Url("/broken");

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/broken", TestSources.Resilience(attempts: 4))).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal(4, api.Hits("/broken"));
        Assert.Equal("cong-dvc", exception.Source);
        Assert.Equal(
            $"cong-dvc: HTTP 500 (Internal Server Error) from {url} after 4 attempts (setting \"resilience\": {{ \"attempts\": 4 }}). The server is failing; try again later or ask its operator.",
            exception.Message);
    }

    [Fact]
    public async Task ReadAsync_RetriesBackOffExponentially()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/broken", (context, _) => LoopbackApi.Status(context, 502));
        const string resilience = """{ "attempts": 4, "retryDelaySeconds": 0.1, "attemptTimeoutSeconds": 5, "totalTimeoutSeconds": 20 }""";

        await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/broken", resilience)).ReadAsync(Assessment.Request()).AsTask());

        // Three retries with a 0.1 s base: exponential backoff with jitter waits about 0.1 + 0.2 + 0.4 s in all
        // (jitter spreads each delay, so only a loose lower bound is asserted).
        var times = api.Requests.Select(r => r.At).ToArray();
        Assert.Equal(4, times.Length);
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(0.25), $"the retries came {(times[^1] - times[0]).TotalMilliseconds} ms after the first attempt");
    }

    [Theory]
    [InlineData(404, "Not Found", "check the URL (setting \"url\") and the paging parameters")]
    [InlineData(400, "Bad Request", "the request is wrong; check the URL, its query and the headers")]
    [InlineData(401, "Unauthorized", "the API needs a token: set one in an environment variable and name it in \"auth\": { \"tokenVariable\": \"…\" }")]
    public async Task ReadAsync_4xx_ThrowsWithoutRetry(int status, string phrase, string hint)
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) => LoopbackApi.Status(context, status));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/api?nam=2023", TestSources.Resilience(attempts: 5))).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal(1, api.Hits("/api"));
        Assert.Equal($"cong-dvc: HTTP {status} ({phrase}) from {api.Url("/api?nam=2023")}; not retried, since a 4xx answer means the request itself is wrong: {hint}.", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_Redirect_IsNotFollowed()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/old", (context, _) =>
        {
            context.Response.Headers.Location = "http://127.0.0.2:9/new";
            return LoopbackApi.Status(context, 302);
        });

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/old", TestSources.Resilience())).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal(1, api.Hits("/old"));
        Assert.Equal($"cong-dvc: HTTP 302 (Found) from {api.Url("/old")} redirects to http://127.0.0.2:9/new; redirects are not followed, so that headers and tokens go only to the configured URL. Write the final URL in \"url\".", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_StallLongerThanTheAttemptTimeout_RetriesThenThrowsInTime()
    {
        await using var api = await LoopbackApi.StartAsync();
        await Warm(api);
        api.Map("/stall", (context, _) => LoopbackApi.Stall(context, TimeSpan.FromSeconds(60)));
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/stall", TestSources.Resilience(attempts: 2, attemptTimeout: 1.5, totalTimeout: 20))).ReadAsync(Assessment.Request()).AsTask());

        watch.Stop();
        Assert.Equal(2, api.Hits("/stall"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
        Assert.Equal(
            $"cong-dvc: {api.Url("/stall")} did not answer in time after 2 attempts (each attempt may take 1.5 s, the whole request 20 s: settings \"resilience\": \"attemptTimeoutSeconds\", \"totalTimeoutSeconds\").",
            exception.Message);
    }

    [Fact]
    public async Task ReadAsync_StallLongerThanTheTotalTimeout_StopsAtTheTotal()
    {
        await using var api = await LoopbackApi.StartAsync();
        await Warm(api);
        api.Map("/stall", (context, _) => LoopbackApi.Stall(context, TimeSpan.FromSeconds(60)));
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/stall", TestSources.Resilience(attempts: 5, attemptTimeout: 2, totalTimeout: 3))).ReadAsync(Assessment.Request()).AsTask());

        watch.Stop();

        // The second attempt starts at about 2 s and is cut at 3 s by the total timeout; the other three never start.
        Assert.InRange(api.Hits("/stall"), 1, 2);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(15));
        Assert.Contains("did not answer in time", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BodyStallsAfterTheHeaders_TimesOut()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/slow-body", async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{ "data": { "items": [""");
            await context.Response.Body.FlushAsync();
            await LoopbackApi.Stall(context, TimeSpan.FromSeconds(60));
        });
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/slow-body", TestSources.Resilience(attempts: 2, attemptTimeout: 1.5, totalTimeout: 2))).ReadAsync(Assessment.Request()).AsTask());

        // The headers came in time, so the one attempt succeeded; the body then stalled past the total timeout.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(15));
        Assert.Equal(1, api.Hits("/slow-body"));
        Assert.Contains("did not answer in time after 1 attempt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceledNotDataSourceException()
    {
        await using var api = await LoopbackApi.StartAsync();
        using var cancellation = new CancellationTokenSource();
        api.Map("/stall", (context, _) =>
        {
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            return LoopbackApi.Stall(context, TimeSpan.FromSeconds(60));
        });
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestSources.Create(Settings(api.BaseUri, "/stall", TestSources.Resilience(attempts: 3, attemptTimeout: 30, totalTimeout: 60))).ReadAsync(Assessment.Request(), cancellation.Token).AsTask());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(1, api.Hits("/stall"));
    }

    [Theory]
    [InlineData("""{ "data": { "items": [ { "u": "so-yt", """, "application/json", "application/json; it starts with '{ \"data\": { \"items\": [ { \"u\": \"so-yt\",'")]
    [InlineData("<html><body>Đăng nhập</body></html>", "text/html", "text/html; it starts with '<html><body>Đăng nhập</body></html>'")]
    [InlineData("", "application/json", "application/json; the body is empty")]
    public async Task ReadAsync_BodyIsNotJson_ThrowsNamingTheUrlAndWhatCame(string body, string contentType, string shown)
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) => LoopbackApi.Json(context, body, contentType: contentType));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/api", TestSources.Resilience())).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith($"cong-dvc: the answer from {api.Url("/api")} is not JSON ({shown}): ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check the URL and the token: a login or error page is not the API's answer.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Hits("/api"));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task ReadAsync_InvalidUtf8InsideAString_ThrowsNamingTheUrlAndTheByte(byte[] invalid)
    {
        // Found by the http-json data fuzz: the parser does not check the bytes of strings, and reading the unit id
        // threw an InvalidOperationException out of the source.
        await using var api = await LoopbackApi.StartAsync();
        var body = "{ \"data\": { \"items\": [ { \"u\": \"so-"u8.ToArray().Concat(invalid).Concat("yt\", \"m\": \"m1\", \"v\": 75 } ] } }"u8.ToArray()).ToArray();
        api.Map("/latin", (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        });

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/latin", TestSources.Resilience())).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith($"cong-dvc: the answer from {api.Url("/latin")} is not valid UTF-8 (application/json; byte 34 of {body.Length} does not begin a UTF-8 character). ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Hits("/latin"));
    }

    [Fact]
    public async Task ReadAsync_AnswerLargerThanTheLimit_Throws()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/big", (context, _) => LoopbackApi.Json(context, "{ \"data\": { \"items\": [] }, \"pad\": \"" + new string('x', 5000) + "\" }"));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/big", TestSources.Resilience(), ", \"maxResponseBytes\": 4096")).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal($"cong-dvc: the answer from {api.Url("/big")} is larger than 4096 bytes (setting \"maxResponseBytes\"). Ask for smaller pages (\"paging\") or raise the limit.", exception.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_AnswerOfExactlyTheLimit_IsReadAndOneByteMoreIsRefused(bool declareLength)
    {
        const int Limit = 4096;
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/exact", (context, _) => Send(context, Body(Limit), declareLength));
        api.Map("/over", (context, _) => Send(context, Body(Limit + 1), declareLength));
        var limit = ", \"maxResponseBytes\": 4096";

        var exact = await TestSources.Create(Settings(api.BaseUri, "/exact", TestSources.Resilience(), limit)).ReadAsync(Assessment.Request());
        var over = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "/over", TestSources.Resilience(), limit)).ReadAsync(Assessment.Request()).AsTask());

        Assert.True(exact.Account.Balances);
        Assert.Equal(0, exact.Account.RowsRead);
        Assert.Equal($"cong-dvc: the answer from {api.Url("/over")} is larger than 4096 bytes (setting \"maxResponseBytes\"). Ask for smaller pages (\"paging\") or raise the limit.", over.Message);

        static byte[] Body(int bytes)
        {
            const string Head = "{ \"data\": { \"items\": [] }, \"pad\": \"";
            const string Tail = "\" }";
            return System.Text.Encoding.UTF8.GetBytes(Head + new string('x', bytes - Head.Length - Tail.Length) + Tail);
        }

        static Task Send(Microsoft.AspNetCore.Http.HttpContext context, byte[] body, bool declareLength)
        {
            context.Response.ContentType = "application/json";
            if (declareLength)
            {
                context.Response.ContentLength = body.Length;
            }

            return context.Response.Body.WriteAsync(body).AsTask();
        }
    }

    [Fact]
    public async Task ReadAsync_NothingListens_ThrowsCouldNotBeReached()
    {
        Uri closed;
        await using (var api = await LoopbackApi.StartAsync())
        {
            closed = api.BaseUri;
        }

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(closed, "/api", TestSources.Resilience(attempts: 2))).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith($"cong-dvc: {closed}api could not be reached after 2 attempts: ", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>One good read first, so that the first timed attempt is not spent compiling the HTTP stack (the machine may be busy).</summary>
    internal static async Task Warm(LoopbackApi api)
    {
        api.MapJson("/warm", Page);
        var result = await TestSources.Create(Settings(api.BaseUri, "/warm", TestSources.Resilience())).ReadAsync(Assessment.Request());
        Assert.Equal(2, result.Observations.Count);
    }
}
