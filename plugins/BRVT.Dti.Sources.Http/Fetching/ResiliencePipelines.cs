using BRVT.Dti.Sources.Http.Settings;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BRVT.Dti.Sources.Http.Fetching;

/// <summary>
/// Builds a source's resilience pipeline: the strategies of the standard resilience handler of
/// Microsoft.Extensions.Http.Resilience (<see cref="HttpStandardResilienceOptions"/>), in its order — rate limiter,
/// total timeout, retry (exponential backoff with jitter, transient failures only: 5xx, 408, 429, network errors and
/// attempt timeouts; <c>Retry-After</c> honoured), circuit breaker, attempt timeout — configured from the source's
/// <c>"resilience"</c> settings. The handler (<see cref="CreateHandler"/>) takes each request's pipeline from the request,
/// so that one HTTP client serves sources with different settings.
/// </summary>
internal static class ResiliencePipelines
{
    /// <summary>The request option that carries the source's pipeline to the handler.</summary>
    public static readonly HttpRequestOptionsKey<ResiliencePipeline<HttpResponseMessage>> PipelineOption = new("BRVT.Dti.Sources.Http.ResiliencePipeline");

    /// <summary>The context property that counts the retries of one request.</summary>
    public static readonly ResiliencePropertyKey<int> Retries = new("BRVT.Dti.Sources.Http.Retries");

    /// <summary>The standard options with the source's settings applied.</summary>
    public static HttpStandardResilienceOptions Options(ResilienceSettings settings)
    {
        var options = new HttpStandardResilienceOptions();
        options.TotalRequestTimeout.Timeout = settings.TotalTimeout;
        options.AttemptTimeout.Timeout = settings.AttemptTimeout;
        options.Retry.MaxRetryAttempts = Math.Max(settings.Attempts - 1, 1);
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.MaxDelay = settings.TotalTimeout;
        options.Retry.OnRetry = args =>
        {
            args.Context.Properties.Set(Retries, args.Context.Properties.GetValue(Retries, 0) + 1);
            return default;
        };

        // The standard handler requires the breaker's sampling window to be at least twice the attempt timeout.
        var sampling = settings.AttemptTimeout * 2;
        if (sampling > options.CircuitBreaker.SamplingDuration)
        {
            options.CircuitBreaker.SamplingDuration = sampling;
        }

        return options;
    }

    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceSettings settings, TimeProvider timeProvider)
    {
        var options = Options(settings);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = "BRVT.Dti.Sources.Http" }
            .AddRateLimiter(options.RateLimiter)
            .AddTimeout(options.TotalRequestTimeout);
        if (settings.Attempts > 1)
        {
            builder.AddRetry(options.Retry);
        }

        return builder
            .AddCircuitBreaker(options.CircuitBreaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>A handler that runs each request through the pipeline the request carries (none: sent as is).</summary>
    public static DelegatingHandler CreateHandler() =>
        new ResilienceHandler(request => request.Options.TryGetValue(PipelineOption, out var pipeline) ? pipeline : ResiliencePipeline<HttpResponseMessage>.Empty);

    /// <summary>The handler chain of a client made without a host: resilience over <see cref="CreatePrimaryHandler"/>.</summary>
    public static HttpMessageHandler CreateStandaloneHandler()
    {
        var handler = CreateHandler();
        handler.InnerHandler = CreatePrimaryHandler();
        return handler;
    }

    /// <summary>
    /// A pooled sockets handler that does not follow redirects: a redirect would carry custom headers (an API key)
    /// to wherever it points, so the source reports it instead.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        AllowAutoRedirect = false,
    };
}
