using BRVT.Dti.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BRVT.Dti;

/// <summary>Adds the plugins of a folder to a BRVT.Dti builder.</summary>
public static class PluginBuilderExtensions
{
    /// <summary>
    /// Loads every plugin of <paramref name="folder"/> (see <see cref="PluginLoader"/>), lets each register its services,
    /// and registers each <see cref="LoadedPlugin"/> as a singleton so the host can list them. Calling it again, with the
    /// same or another service collection, loads nothing twice and registers each plugin once per collection.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="folder">The plugins folder, laid out as <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>.</param>
    /// <param name="logger">Receives the loader's warnings; <see langword="null"/> for none (they stay in <see cref="LoadedPlugin.Warnings"/>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PluginLoadException">
    /// A plugin cannot be loaded, or its <see cref="IDtiPlugin.Register"/> threw. All plugins are loaded before any
    /// registers; a failed registration leaves the service collection as it was before that plugin.
    /// </exception>
    public static IDtiBuilder AddPluginsFrom(this IDtiBuilder builder, string folder, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var services = builder.Services;
        foreach (var loaded in new PluginLoader(folder, logger).LoadAll())
        {
            if (services.Any(d => d.ServiceType == typeof(LoadedPlugin) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, loaded)))
            {
                continue;
            }

            foreach (var plugin in loaded.Plugins)
            {
                var before = services.ToArray();
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

                    throw PluginMessages.RegisterFailed(loaded, plugin, e);
                }
            }

            services.AddSingleton(loaded);
        }

        return builder;
    }
}
