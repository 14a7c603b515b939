using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Fuzz.Tests.Support.Http;
using BRVT.Dti.Fuzz.Tests.Support.Sql;
using BRVT.Dti.Sources.Http;
using BRVT.Dti.Sources.Http.Tests;
using BRVT.Dti.TestUtilities;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// The JSON APIs an <c>http-json</c> source reads are run by others: one real Kestrel server on 127.0.0.1 serves every
/// case's pages (mutated or truncated JSON, invalid UTF-8, wrong types and content types, missing fields, huge numbers,
/// deep nesting, HTTP errors, slow, stalled and aborted answers, gzip that is not, very large bodies, looping and
/// foreign next links, endless pages). Each case is read leniently and strictly: only
/// <see cref="DataSourceException"/> escapes, nothing hangs, accounts balance, every rejected item is located by its
/// page's URL and JSON pointer, and the result equals what <see cref="HttpOracle"/> computes from the pages served.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class HttpDataFuzzTests(FuzzFigures figures, ITestOutputHelper output)
{
    private const int Cases = 2000;

    private static int numbers;

    [Fact]
    public async Task ReadAsync_MutatedPagesAndOddPaging_OnlySourceErrorsAndTheOraclesResult()
    {
        await using var api = await LoopbackApi.StartAsync();
        var run = new FuzzRun("http-json pages (one Kestrel server, hostile pages and paging)");
        var watch = Stopwatch.StartNew();
        run.Check(Gen.Choose(0, int.MaxValue), Cases, seed => Case(api, HttpFuzzCase.Generate(seed), run));
        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(Cases, run.Cases);
        Assert.Equal(0, run.RowsLost);
        Assert.True(run.Tallied("values compared with the oracle") > Cases, "the oracle compared values");
        Assert.True(run.Outcomes.Keys.Count(k => k.StartsWith("read", StringComparison.Ordinal)) >= 2 && run.Outcomes.Keys.Any(k => k.Contains("DataSourceException", StringComparison.Ordinal)),
            "some cases are read, some fail");
    }

    /// <summary>Seeds that failed before the plugin was fixed: a byte that is not UTF-8 inside a string.</summary>
    [Theory]
    [InlineData(161117306)]
    public async Task ReadAsync_SeedThatOnceFailed_StillMatchesTheOracle(int seed)
    {
        await using var api = await LoopbackApi.StartAsync();
        var run = new FuzzRun("replay");
        var fuzz = HttpFuzzCase.Generate(seed);
        output.WriteLine($"{fuzz}: {Case(api, fuzz, run)}");
        Assert.Equal(0, run.RowsLost);
    }

    private static string Case(LoopbackApi api, HttpFuzzCase fuzz, FuzzRun run)
    {
        var number = Interlocked.Increment(ref numbers);
        var baseUrl = api.BaseUri.ToString();
        var log = new ServerLog();
        api.Map(fuzz.Path(number), (context, _) => ServeAsync(context, fuzz, number, baseUrl, log));
        try
        {
            var source = new HttpJsonSourceFactory().Create(Fixtures.Configuration(Path.GetTempPath(), fuzz.SettingsJson(baseUrl, number)));
            var caseUrl = baseUrl.TrimEnd('/') + fuzz.Path(number);
            var lenient = Read(source, fuzz, RejectionMode.Lenient, out var lenientError);
            var served = log.Take();
            if (lenientError is not null)
            {
                Assert.False(fuzz.Clean, $"{fuzz}: a well-formed API could not be read: {lenientError.Message}");
                Assert.True(lenientError.Message.Contains(api.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) || lenientError.Message.Contains("\"measures\"", StringComparison.Ordinal),
                    $"{fuzz}: the error does not name the URL: {lenientError.Message}");
                return $"DataSourceException: {Kind(lenientError.Message)}";
            }

            var expected = HttpOracle.Expect(fuzz, served);
            run.Account(lenient!.Account);
            Compare(fuzz, caseUrl, expected, lenient, run);

            var strict = Read(source, fuzz, RejectionMode.Strict, out var strictError);
            log.Take();
            if (expected.Rejected.Count > 0)
            {
                Assert.True(strictError is not null, $"{fuzz}: strict mode read past a bad item ({expected.Rejected[0].Location})");
                Assert.Contains(expected.Rejected[0].Location, strictError!.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(strictError is null, $"{fuzz}: strict mode stopped though no item is wrong: {strictError?.Message}");
                Assert.Equal((lenient.Account.RowsRead, lenient.Account.RowsAccepted), (strict!.Account.RowsRead, strict.Account.RowsAccepted));
            }

            return $"read {(lenient.Account.Rejected.Count > 0 ? "with rejections" : "clean")} ({fuzz.Mapping.ToString().ToLowerInvariant()} items, {(served.Count == 1 ? "1 page" : "pages")})";
        }
        finally
        {
            // Drops the case's pages.
            api.Map(fuzz.Path(number), (context, _) => LoopbackApi.Status(context, 410));
        }
    }

    /// <summary>What a failed read met, for the figures.</summary>
    private static string Kind(string message) => message switch
    {
        _ when message.Contains("is not valid UTF-8", StringComparison.Ordinal) => "not UTF-8",
        _ when message.Contains("is not JSON", StringComparison.Ordinal) => "not JSON",
        _ when message.Contains(": HTTP ", StringComparison.Ordinal) || message.Contains(" HTTP ", StringComparison.Ordinal) => "HTTP status",
        _ when message.Contains("did not answer in time", StringComparison.Ordinal) => "timeout",
        _ when message.Contains("is larger than", StringComparison.Ordinal) => "too large",
        _ when message.Contains("has no items", StringComparison.Ordinal) || message.Contains("not an array of items", StringComparison.Ordinal) => "no items",
        _ when message.Contains("more than", StringComparison.Ordinal) && message.Contains("pages", StringComparison.Ordinal) => "more pages than maxPages",
        _ when message.Contains("leads back", StringComparison.Ordinal) => "paging loops",
        _ when message.Contains("another host", StringComparison.Ordinal) => "next link to another host",
        _ when message.Contains("not a URL", StringComparison.Ordinal) => "next link not a URL",
        _ when message.Contains("\"measures\"", StringComparison.Ordinal) => "mapping refused",
        _ => "connection failed",
    };

    private static SourceReadResult? Read(IDataSource source, HttpFuzzCase fuzz, RejectionMode mode, out DataSourceException? error)
    {
        error = null;
        try
        {
            return source.ReadAsync(new SourceReadRequest(fuzz.Measures, HttpFuzzCase.Period, HttpFuzzCase.Units, mode)).AsTask().GetAwaiter().GetResult();
        }
        catch (DataSourceException exception)
        {
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            error = exception;
            return null;
        }
    }

    private static void Compare(HttpFuzzCase fuzz, string caseUrl, SqlExpectation expected, SourceReadResult result, FuzzRun run)
    {
        var account = result.Account;
        Assert.True(account.Balances, $"{fuzz}: {account.RowsRead} read != {account.RowsAccepted} accepted + {account.Rejected.Count} rejected");
        Assert.True((expected.Read, expected.Accepted, expected.Rejected.Count) == (account.RowsRead, account.RowsAccepted, account.Rejected.Count),
            $"{fuzz}: read/accepted/rejected {account.RowsRead}/{account.RowsAccepted}/{account.Rejected.Count}, the oracle expects {expected.Read}/{expected.Accepted}/{expected.Rejected.Count}. " +
            $"Rejected: {string.Join(" | ", account.Rejected.Select(r => r.Location + ": " + r.Reason).Take(12))}. Expected: {string.Join(" | ", expected.Rejected.Select(r => r.Location + ": " + r.Phrases[0]).Take(12))}");

        // In order, at the item's URL and JSON pointer, for the reason the oracle gives.
        for (var i = 0; i < expected.Rejected.Count; i++)
        {
            var (want, got) = (expected.Rejected[i], account.Rejected[i]);
            Assert.True(got.Location.StartsWith(caseUrl, StringComparison.Ordinal) && got.Location.Contains("#/", StringComparison.Ordinal), $"{fuzz}: the rejection is not located at a URL and a JSON pointer: {got.Location}");
            Assert.True(want.Location == got.Location && got.Reason.Contains(want.Phrases[0], StringComparison.Ordinal),
                $"{fuzz}: rejection {i} is '{got.Location}: {got.Reason}', the oracle expects '{want.Location}: … {want.Phrases[0]} …'");
        }

        run.Tally("rejections compared with the oracle", expected.Rejected.Count);
        var observations = result.Observations.ToDictionary(o => (o.UnitId, o.MeasureId));
        Assert.Equal(expected.Observations.Count, result.Observations.Count);
        foreach (var ((unit, measure), want) in expected.Observations)
        {
            Assert.True(observations.TryGetValue((unit, measure), out var got), $"{fuzz}: no observation of unit '{unit}', measure '{measure}'");
            Assert.Equal(HttpFuzzCase.Period, got!.Period);
            var same = double.IsNaN(want.Value) || double.IsNaN(got.Value) ? double.IsNaN(want.Value) && double.IsNaN(got.Value)
                : want.Function is "sum" or "mean" ? !double.IsFinite(want.Scale) || Math.Abs(want.Value - got.Value) <= 1e-9 * want.Scale
                : want.Value.Equals(got.Value);
            Assert.True(same, $"{fuzz}: unit '{unit}', measure '{measure}' ({want.Function}) is {got.Value:R}, the oracle computes {want.Value:R}");
            if (want.Function == "value")
            {
                Assert.Equal(want.Location, got.Provenance.Location);
            }
            else
            {
                Assert.Contains(want.Location, got.Provenance.Location, StringComparison.Ordinal);
            }
        }

        run.Tally("values compared with the oracle", expected.Observations.Count);
    }

    /// <summary>Serves a page of a case, with its fault; records the pages answered in full with 200.</summary>
    private static async Task ServeAsync(HttpContext context, HttpFuzzCase fuzz, int number, string baseUrl, ServerLog log)
    {
        var index = fuzz.PageIndex(context.Request.Query);
        if (index == -2)
        {
            await LoopbackApi.Json(context, """{ "error": "tham số trang sai" }""", 400);
            return;
        }

        var url = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}").ToString();
        var page = index >= 0 ? fuzz.Pages[index] : null;
        var fault = page?.Fault ?? PageFault.None;
        var body = fuzz.Body(index, baseUrl, number);
        var random = new Random(unchecked((fuzz.Seed * 31) + index)); // not HashCode: its seed differs per process
        var contentType = "application/json; charset=utf-8";
        switch (fault)
        {
            case PageFault.Status:
                context.Response.StatusCode = page!.Status;
                if (page.Status is 301 or 302)
                {
                    context.Response.Headers.Location = baseUrl + "dang-nhap";
                }

                if (page.Status != 204)
                {
                    await context.Response.WriteAsync("""{ "loi": "máy chủ bận" }""");
                }

                return;
            case PageFault.FlakyThenOk when log.Hit(url) == 1:
                context.Response.StatusCode = 503;
                return;
            case PageFault.Slow:
                await Task.Delay(random.Next(5, 50), context.RequestAborted);
                break;
            case PageFault.Stall:
                await LoopbackApi.Stall(context, TimeSpan.FromSeconds(5));
                return;
            case PageFault.Abort:
                context.Response.ContentType = contentType;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            case PageFault.EmptyBody:
                context.Response.ContentType = contentType;
                return;
            case PageFault.HtmlBody:
                await LoopbackApi.Json(context, "<!DOCTYPE html><html><body>Đăng nhập hệ thống</body></html>", 200, "text/html; charset=utf-8");
                return;
            case PageFault.GzipGarbage:
                context.Response.Headers.ContentEncoding = "gzip";
                break;
            case PageFault.Truncated:
                body = body[..random.Next(body.Length)];
                break;
            case PageFault.InvalidUtf8:
                var quote = Array.IndexOf(body, (byte)'"', random.Next(body.Length));
                var at = quote < 0 ? body.Length / 2 : quote + 1;
                body = [.. body[..at], .. new[] { new byte[] { 0xFF }, [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80] }[random.Next(4)], .. body[at..]];
                break;
            case PageFault.Mutated:
                body = JsonMutator.Mutate(Encoding.UTF8.GetString(body), random);
                break;
            case PageFault.Bom:
                body = [0xEF, 0xBB, 0xBF, .. body];
                break;
            case PageFault.WrongContentType:
                contentType = new[] { "text/html; charset=utf-8", "application/xml", "text/plain", "application/json; charset=iso-8859-1", "application/octet-stream" }[random.Next(5)];
                break;
            default:
                break;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        log.Served(url, body);
    }

    /// <summary>What the server did for the read in progress: the pages answered in full, hits per URL.</summary>
    private sealed class ServerLog
    {
        private readonly ConcurrentQueue<ServedPage> served = new();
        private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);

        public int Hit(string url) => hits.AddOrUpdate(url, 1, (_, n) => n + 1);

        public void Served(string url, byte[] body) => served.Enqueue(new ServedPage(url, body));

        /// <summary>The pages served since the last call, in order.</summary>
        public List<ServedPage> Take()
        {
            var pages = new List<ServedPage>();
            while (served.TryDequeue(out var page))
            {
                pages.Add(page);
            }

            return pages;
        }
    }
}
