using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Sources.Http.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the system) that serves what each test maps: pages of items,
/// and failures on purpose. It counts every request per path and records its query and headers.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private LoopbackApi(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<LoopbackApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackApi(app);
        app.Run(api.DispatchAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.BaseUri = new Uri(address);
        return api;
    }

    public string Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery).ToString();

    /// <summary>Maps a path; the handler gets the request and its 1-based number among this path's requests.</summary>
    public LoopbackApi Map(string path, Func<HttpContext, int, Task> handler)
    {
        routes[path] = handler;
        return this;
    }

    /// <summary>Maps a path to a fixed JSON answer.</summary>
    public LoopbackApi MapJson(string path, string json) => Map(path, (context, _) => Json(context, json));

    public int Hits(string path) => hits.TryGetValue(path, out var count) ? count : 0;

    public static Task Json(HttpContext context, string json, int status = 200, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(json, Encoding.UTF8);
    }

    public static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Answers nothing for a long time (until the client gives up and the connection closes).</summary>
    public static async Task Stall(HttpContext context, TimeSpan duration)
    {
        try
        {
            await Task.Delay(duration, context.RequestAborted);
            await Json(context, """{ "data": { "items": [] } }""");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var number = hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        Requests.Enqueue(new ReceivedRequest(
            path,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            clock.Elapsed));
        return routes.TryGetValue(path, out var handler) ? handler(context, number) : Status(context, 404);
    }
}

/// <summary>A request the loopback API received.</summary>
public sealed record ReceivedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, TimeSpan At);
