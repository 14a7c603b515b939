using BRVT.Dti.Data;
using BRVT.Dti.Sources.Http.Fetching;

namespace BRVT.Dti.Sources.Http;

/// <summary>Creates <c>http-json</c> sources (<see cref="HttpJsonSource"/>) from their configuration.</summary>
/// <remarks>
/// Thread-safe. Registered by <c>AddHttpSources</c>, it takes its HTTP client from the host's
/// <see cref="IHttpClientFactory"/> (client name <see cref="HttpClientName"/>), so the host may add a proxy, certificates
/// or logging to that client. Constructed without one, it uses a pooled client of its own.
/// </remarks>
public sealed class HttpJsonSourceFactory : IDataSourceFactory
{
    /// <summary>The source type: <c>http-json</c>.</summary>
    public const string SourceType = "http-json";

    /// <summary>The name of the HTTP client the sources use (configure it with <c>services.AddHttpClient(HttpClientName)</c>).</summary>
    public const string HttpClientName = "BRVT.Dti.Sources.Http";

    private static readonly Lazy<HttpClient> Standalone = new(() => new HttpClient(ResiliencePipelines.CreateStandaloneHandler()) { Timeout = Timeout.InfiniteTimeSpan });

    private readonly IHttpClientFactory? httpClientFactory;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the factory.</summary>
    /// <param name="httpClientFactory">The host's client factory, or <see langword="null"/> for a client of the factory's own.</param>
    /// <param name="timeProvider">The clock of timeouts and backoff delays, or <see langword="null"/> for the system clock.</param>
    public HttpJsonSourceFactory(IHttpClientFactory? httpClientFactory = null, TimeProvider? timeProvider = null)
    {
        this.httpClientFactory = httpClientFactory;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is missing or wrong; the message names it by its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        HttpClient client;
        if (httpClientFactory is null)
        {
            client = Standalone.Value;
        }
        else
        {
            client = httpClientFactory.CreateClient(HttpClientName);

            // The source's own timeouts bound every request.
            client.Timeout = Timeout.InfiniteTimeSpan;
        }

        return new HttpJsonSource(configuration, client, timeProvider);
    }
}
