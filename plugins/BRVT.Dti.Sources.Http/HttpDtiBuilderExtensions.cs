using BRVT.Dti.Data;
using BRVT.Dti.Plugins;
using BRVT.Dti.Sources.Http;
using BRVT.Dti.Sources.Http.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti;

/// <summary>Registers the <c>http-json</c> data source.</summary>
public static class HttpDtiBuilderExtensions
{
    /// <summary>
    /// Adds the <c>http-json</c> source type (JSON APIs of reporting systems) and its HTTP client
    /// (<see cref="HttpJsonSourceFactory.HttpClientName"/>, with the resilience handler that applies each source's
    /// settings, over a sockets handler that does not follow redirects); calling it twice registers them once.
    /// </summary>
    /// <param name="builder">The builder <c>AddDti</c> returned.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddHttpSources(this IDtiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(HttpSourcesMarker)))
        {
            return builder;
        }

        services.AddSingleton<HttpSourcesMarker>();
        services.AddHttpClient(HttpJsonSourceFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(ResiliencePipelines.CreatePrimaryHandler)
            .AddHttpMessageHandler(ResiliencePipelines.CreateHandler);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, HttpJsonSourceFactory>());
        return builder;
    }

    /// <summary>Marks a service collection the HTTP sources were added to.</summary>
    private sealed class HttpSourcesMarker;
}
