using BRVT.Dti.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti;

/// <summary>Adds the plugins of a folder to a BRVT.Dti builder.</summary>
public static class PluginBuilderExtensions
{
    /// <summary>
    /// Loads every plugin of <paramref name="folder"/> (see <see cref="PluginLoader"/>), lets each register its services,
    /// and registers each <see cref="LoadedPlugin"/> as a singleton so the host can list them. Strict: any plugin that
    /// cannot be loaded stops everything before a plugin registers. Calling it again, with the same or another service
    /// collection, loads nothing twice and registers each plugin once per collection.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="folder">The plugins folder, laid out as <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>.</param>
    /// <param name="logger">Receives the loader's warnings; <see langword="null"/> for none (they stay in <see cref="LoadedPlugin.Warnings"/>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PluginLoadException">
    /// The folder does not exist, a plugin cannot be loaded, or a plugin's <see cref="IDtiPlugin.Register"/> threw. All
    /// plugins are loaded before any registers; a failed registration leaves the service collection as it was before that
    /// plugin (the plugins before it stay registered).
    /// </exception>
    public static IDtiBuilder AddPluginsFrom(this IDtiBuilder builder, string folder, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        foreach (var loaded in new PluginLoader(folder, logger).Load().EnsureSuccess())
        {
            if (Register(builder, loaded) is { } failure)
            {
                throw failure;
            }
        }

        return builder;
    }

    /// <summary>
    /// Loads every plugin of <paramref name="folder"/> that can be loaded and lets each register its services, as
    /// <see cref="AddPluginsFrom"/> does, but goes on past a plugin that fails: the result lists the plugins registered and,
    /// for each other one, why it failed. The host decides whether to go on without them or to stop
    /// (<see cref="PluginLoadResult.EnsureSuccess"/>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="folder">The plugins folder, laid out as <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>.</param>
    /// <param name="logger">Receives the loader's warnings and failures; <see langword="null"/> for none.</param>
    /// <returns>
    /// The plugins that loaded and registered, and the failures (a missing folder, a plugin that cannot be loaded, a
    /// <see cref="IDtiPlugin.Register"/> that threw, which leaves the service collection as it was before that plugin).
    /// </returns>
    public static PluginLoadResult TryAddPluginsFrom(this IDtiBuilder builder, string folder, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var result = new PluginLoader(folder, logger).Load();
        var registered = new List<LoadedPlugin>(result.Loaded.Count);
        var failures = new List<PluginLoadException>(result.Failures);
        foreach (var loaded in result.Loaded)
        {
            if (Register(builder, loaded) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                registered.Add(loaded);
            }
        }

        return new PluginLoadResult(registered, [.. failures.OrderBy(f => f.PluginName, StringComparer.Ordinal)]);
    }

    /// <summary>Lets every entry point of a loaded plugin register; on failure, restores the services and returns why.</summary>
    private static PluginLoadException? Register(IDtiBuilder builder, LoadedPlugin loaded)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(LoadedPlugin) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, loaded)))
        {
            return null;
        }

        var before = services.ToArray();
        foreach (var plugin in loaded.Plugins)
        {
            try
            {
                plugin.Register(builder);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                services.Clear();
                foreach (var descriptor in before)
                {
                    services.Add(descriptor);
                }

                return PluginMessages.RegisterFailed(loaded, plugin, e);
            }
        }

        services.AddSingleton(loaded);
        return null;
    }
}
