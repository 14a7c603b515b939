using BRVT.Dti.Data;
using BRVT.Dti.DependencyInjection;
using BRVT.Dti.Plugins;
using BRVT.Dti.Scoring;
using BRVT.Dti.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti;

/// <summary>Registers the BRVT.Dti scoring core in a service collection.</summary>
public static class DtiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DtiEngine"/> (a singleton that knows every <see cref="IScoringRule"/> registered in the
    /// container). Calling it again is harmless; a later <paramref name="configure"/> still applies.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the engine's options, or <see langword="null"/>.</param>
    /// <returns>A builder for adding data sources, rules and plugins.</returns>
    public static IDtiBuilder AddDti(this IServiceCollection services, Action<DtiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DtiOptions>();
        if (configure is not null)
        {
            services.AddSingleton(new DtiOptionsConfiguration(configure));
        }

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<DtiOptions>();
            foreach (var configuration in provider.GetServices<DtiOptionsConfiguration>())
            {
                configuration.Configure(options);
            }

            return new DtiEngine(
                provider.GetServices<IScoringRule>(),
                options.Limits,
                provider.GetService<ILogger<DtiEngine>>());
        });
        services.TryAddSingleton(provider => new DataSourceCatalog(provider.GetServices<IDataSourceFactory>()));
        return new DtiBuilder(services);
    }

    /// <summary>Adds a data source factory (a source type); adding the same factory type twice registers it once.</summary>
    /// <typeparam name="TFactory">The factory type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddDataSourceFactory<TFactory>(this IDtiBuilder builder)
        where TFactory : class, IDataSourceFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, TFactory>());
        return builder;
    }

    /// <summary>Adds a scoring rule; adding the same rule type twice registers it once.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddScoringRule<TRule>(this IDtiBuilder builder)
        where TRule : class, IScoringRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IScoringRule, TRule>());
        return builder;
    }

    /// <summary>Lets a plugin register its services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="plugin">The plugin.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddPlugin(this IDtiBuilder builder, IDtiPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Register(builder);
        return builder;
    }
}
