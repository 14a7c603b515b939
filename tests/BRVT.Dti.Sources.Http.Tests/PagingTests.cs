using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using Microsoft.AspNetCore.Http;

namespace BRVT.Dti.Sources.Http.Tests;

public sealed class PagingTests
{
    /// <summary>Seven items: so-yt, so-gd and p1 with m1..m3, one item per (unit, measure), the last one for an unknown unit.</summary>
    private static readonly (string Unit, string Measure, double Value)[] Items =
    [
        ("so-yt", "m1", 75), ("so-yt", "m2", 8.5), ("so-yt", "m3", 1), ("so-gd", "m1", 60), ("so-gd", "m2", 7), ("p1", "m1", 55), ("xyz", "m1", 1),
    ];

    private static string PageOf(IEnumerable<(string Unit, string Measure, double Value)> items, string extra = "") =>
        $$"""{ "data": { "items": [{{string.Join(", ", items.Select(i => $$"""{ "don_vi": "{{i.Unit}}", "chi_so": "{{i.Measure}}", "gia_tri": {{i.Value.ToString(CultureInfo.InvariantCulture)}} }"""))}}] }{{extra}} }""";

    private static string Settings(Uri baseUri, string path, string paging) => $$"""
        { "name": "cong-dvc", "url": "{{baseUri}}{{path}}",{{(path.Contains("{period}", StringComparison.Ordinal) ? "" : " \"period\": \"2023\",")}} "items": "$.data.items[*]", "unitPath": "don_vi", "measurePath": "chi_so", "valuePath": "gia_tri",
          "paging": {{paging}}, "resilience": {{TestSources.Resilience()}} }
        """;

    [Fact]
    public async Task ReadAsync_PageNumbers_ReadsUntilAShortPage()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api/thong-ke", (context, _) =>
        {
            var page = int.Parse(context.Request.Query["trang"].ToString(), CultureInfo.InvariantCulture);
            var size = int.Parse(context.Request.Query["so_dong"].ToString(), CultureInfo.InvariantCulture);
            return LoopbackApi.Json(context, PageOf(Items.Skip((page - 1) * size).Take(size)));
        });
        var source = TestSources.Create(Settings(api.BaseUri, "api/thong-ke?nam={period}&trang=9", """{ "mode": "page", "parameter": "trang", "sizeParameter": "so_dong", "size": 3 }"""));

        var result = await source.ReadAsync(Assessment.Request());

        Assert.Equal(["?nam=2023&trang=1&so_dong=3", "?nam=2023&trang=2&so_dong=3", "?nam=2023&trang=3&so_dong=3"], api.Requests.Select(r => r.Query));
        Assert.Equal(Items.Take(6).Select(i => (i.Unit, i.Measure, i.Value)), result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value)));
        Assert.Equal(api.Url("/api/thong-ke?nam=2023&trang=2&so_dong=3") + "#/data/items/2", result.Observations[5].Provenance.Location);
        Assert.Equal(new RejectedRow(api.Url("/api/thong-ke?nam=2023&trang=3&so_dong=3") + "#/data/items/0", "the unit 'xyz' (don_vi) is not in the assessment's unit list; correct the id or add the unit"), Assert.Single(result.Account.Rejected));
        Assert.Equal((7L, 6L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadAsync_PageNumbersWithoutSize_ReadsUntilAnEmptyPage()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) =>
        {
            var page = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
            return LoopbackApi.Json(context, PageOf(Items.Skip(page * 4).Take(4)));
        });

        var result = await TestSources.Create(Settings(api.BaseUri, "api?nam={period}", """{ "mode": "page", "first": 0 }""")).ReadAsync(Assessment.Request());

        Assert.Equal(["?nam=2023&page=0", "?nam=2023&page=1", "?nam=2023&page=2"], api.Requests.Select(r => r.Query));
        Assert.Equal(7L, result.Account.RowsRead);
    }

    [Fact]
    public async Task ReadAsync_Offsets_AdvanceByTheItemsReceived()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) =>
        {
            var offset = int.Parse(context.Request.Query["offset"].ToString(), CultureInfo.InvariantCulture);
            var limit = int.Parse(context.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture);
            return LoopbackApi.Json(context, PageOf(Items.Skip(offset).Take(Math.Min(limit, 3))));
        });

        var result = await TestSources.Create(Settings(api.BaseUri, "api?nam={period}", """{ "mode": "offset", "sizeParameter": "limit", "size": 3 }""")).ReadAsync(Assessment.Request());

        Assert.Equal(["?nam=2023&offset=0&limit=3", "?nam=2023&offset=3&limit=3", "?nam=2023&offset=6&limit=3"], api.Requests.Select(r => r.Query));
        Assert.Equal((7L, 6L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadAsync_NextLinks_FollowsRelativeAndAbsoluteLinksUntilNull()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api/v1/items", (context, _) =>
        {
            var cursor = context.Request.Query["cursor"].ToString();
            var (items, next) = cursor switch
            {
                "" => (Items[..3], "\"items?nam=2023&cursor=b\""),
                "b" => (Items[3..5], JsonSerializer.Serialize(api.Url("/api/v1/items?nam=2023&cursor=c"))),
                _ => (Items[5..], "null"),
            };
            return LoopbackApi.Json(context, PageOf(items, $$""", "links": { "next": {{next}} }"""));
        });

        var result = await TestSources.Create(Settings(api.BaseUri, "api/v1/items?nam=2023", """{ "mode": "next-link", "nextPath": "$.links.next" }""")).ReadAsync(Assessment.Request());

        Assert.Equal(["?nam=2023", "?nam=2023&cursor=b", "?nam=2023&cursor=c"], api.Requests.Select(r => r.Query));
        Assert.Equal((7L, 6L), (result.Account.RowsRead, result.Account.RowsAccepted));
        Assert.Equal(api.Url("/api/v1/items?nam=2023&cursor=b") + "#/data/items/1", result.Observations[4].Provenance.Location);
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanMaxPages_ThrowsInsteadOfCutting()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) => LoopbackApi.Json(context, PageOf(Items[..2])));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "api", """{ "mode": "page", "sizeParameter": "n", "size": 2, "maxPages": 3 }""")).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal(4, api.Hits("/api"));
        Assert.Equal(
            $"cong-dvc: the answer has more than 3 pages (setting \"paging\": \"maxPages\"); page 4 ({api.Url("/api?page=4&n=2")}) has 2 more items and leads to {api.Url("/api?page=5&n=2")}. Raise \"maxPages\" (nothing is read partially).",
            exception.Message);
    }

    [Fact]
    public async Task ReadAsync_ExactlyMaxPagesFullPages_ReadsThemAllWhenThePageAfterIsEmpty()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) =>
        {
            var page = int.Parse(context.Request.Query["page"]!, CultureInfo.InvariantCulture);
            return LoopbackApi.Json(context, PageOf(page <= 3 ? Items[((page - 1) * 2)..(page * 2)] : []));
        });

        var result = await TestSources.Create(Settings(api.BaseUri, "api", """{ "mode": "page", "sizeParameter": "n", "size": 2, "maxPages": 3 }""")).ReadAsync(Assessment.Request());

        Assert.Equal(4, api.Hits("/api"));
        Assert.Equal((6L, 6L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadAsync_NextLinkToAnEmptyLastPageAfterMaxPages_ReadsThePagesBeforeIt()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) =>
        {
            var cursor = int.Parse(context.Request.Query["cursor"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
            return cursor <= 2
                ? LoopbackApi.Json(context, PageOf(Items[((cursor - 1) * 2)..(cursor * 2)], $$""", "next": "?cursor={{cursor + 1}}" """))
                : LoopbackApi.Json(context, PageOf([]));
        });

        var result = await TestSources.Create(Settings(api.BaseUri, "api", """{ "mode": "next-link", "nextPath": "next", "maxPages": 2 }""")).ReadAsync(Assessment.Request());

        Assert.Equal(3, api.Hits("/api"));
        Assert.Equal(4L, result.Account.RowsRead);
    }

    [Fact]
    public async Task ReadAsync_NextLinkToAnotherHost_IsNotFollowed()
    {
        await using var api = await LoopbackApi.StartAsync();
        Environment.SetEnvironmentVariable("DTI_TEST_TOKEN_HOST", "bi-mat");
        api.Map("/api", (context, _) => LoopbackApi.Json(context, PageOf(Items[..1], """, "next": "http://127.0.0.2:9/steal" """)));
        const string auth = """, "auth": { "tokenVariable": "DTI_TEST_TOKEN_HOST" }""";
        var settings = Settings(api.BaseUri, "api", """{ "mode": "next-link", "nextPath": "next" }""").TrimEnd()[..^1] + auth + " }";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal($"cong-dvc: the next link in {api.Url("/api")} leads to another host (http://127.0.0.2:9); it is not followed, so that requests and tokens go only to the configured API.", exception.Message);
        Assert.Equal("Bearer bi-mat", Assert.Single(api.Requests).Headers["Authorization"]);
        Assert.DoesNotContain("bi-mat", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"/api?p=\\uD800\"", "a text with an escape of half a surrogate pair (\\uD800 to \\uDFFF), which is no character")]
    [InlineData("42", "the number 42")]
    [InlineData("\"ftp://127.0.0.1/x\"", "the text 'ftp://127.0.0.1/x'")]
    public async Task ReadAsync_NextLinkThatIsNoUrl_ThrowsSayingWhatItIs(string link, string described)
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, _) => LoopbackApi.Json(context, PageOf(Items[..1], ", \"next\": " + link)));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "api", """{ "mode": "next-link", "nextPath": "next" }""")).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal($"cong-dvc: the next link at next in {api.Url("/api")} is {described}, not a URL.", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_NextLinkLoops_Throws()
    {
        await using var api = await LoopbackApi.StartAsync();
        api.Map("/api", (context, hit) => LoopbackApi.Json(context, PageOf(Items[..1], hit == 1 ? """, "next": "/api?p=2" """ : """, "next": "/api" """)));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(Settings(api.BaseUri, "api", """{ "mode": "next-link", "nextPath": "next" }""")).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal($"cong-dvc: the next link of {api.Url("/api?p=2")} leads back to {api.Url("/api")}, which was read already; the API's paging loops.", exception.Message);
        Assert.Equal(2, api.Hits("/api"));
    }

    [Fact]
    public async Task ReadAsync_TokenFromTheEnvironment_IsSentInTheConfiguredHeader()
    {
        await using var api = await LoopbackApi.StartAsync();
        Environment.SetEnvironmentVariable("DTI_TEST_TOKEN_KEY", " k-123 ");
        api.Map("/api", (context, _) => context.Request.Headers["X-Api-Key"] == "k-123" ? LoopbackApi.Json(context, PageOf(Items[..2])) : LoopbackApi.Status(context, 403));
        var settings = $$"""
            { "url": "{{api.BaseUri}}api", "period": "2023", "items": "data.items", "unitPath": "don_vi", "measurePath": "chi_so", "valuePath": "gia_tri",
              "headers": { "Accept-Language": "vi" }, "auth": { "tokenVariable": "DTI_TEST_TOKEN_KEY", "header": "X-Api-Key", "scheme": "" } }
            """;

        var result = await TestSources.Create(settings).ReadAsync(Assessment.Request());

        Assert.Equal(2, result.Observations.Count);
        var headers = Assert.Single(api.Requests).Headers;
        Assert.Equal(("vi", "application/json"), (headers["Accept-Language"], headers["Accept"]));
        Assert.False(headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task ReadAsync_TokenVariableUnset_ThrowsBeforeAnyRequest()
    {
        await using var api = await LoopbackApi.StartAsync();
        var settings = $$"""{ "url": "{{api.BaseUri}}api", "period": "2023", "items": "$", "unitPath": "u", "measurePath": "m", "valuePath": "v", "auth": { "tokenVariable": "DTI_TEST_TOKEN_NEVER_SET" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal("cong-dvc: the environment variable DTI_TEST_TOKEN_NEVER_SET (setting \"auth\": \"tokenVariable\") is not set; set it to the API token before reading.", exception.Message);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task ReadAsync_TokenRefused_SaysWhichVariable()
    {
        await using var api = await LoopbackApi.StartAsync();
        Environment.SetEnvironmentVariable("DTI_TEST_TOKEN_OLD", "het-han");
        api.Map("/api", (context, _) => LoopbackApi.Status(context, StatusCodes.Status401Unauthorized));
        var settings = $$"""{ "url": "{{api.BaseUri}}api", "period": "2023", "items": "$", "unitPath": "u", "measurePath": "m", "valuePath": "v", "auth": { "tokenVariable": "DTI_TEST_TOKEN_OLD" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => TestSources.Create(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.EndsWith("not retried, since a 4xx answer means the request itself is wrong: the server refused the token in the environment variable DTI_TEST_TOKEN_OLD; check that it is current and allowed to read this API.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("het-han", exception.Message, StringComparison.Ordinal);
    }
}
