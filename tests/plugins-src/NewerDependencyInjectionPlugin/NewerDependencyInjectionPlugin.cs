using BRVT.Dti.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti.TestPlugins;

/// <summary>Registers through IServiceCollection compiled against a newer Microsoft.Extensions.DependencyInjection.Abstractions.</summary>
public sealed class NewerDependencyInjectionPlugin : IDtiPlugin
{
    public string Name => "newer-di";

    public void Register(IDtiBuilder builder) => builder.Services.TryAddSingleton<Marker>();

    /// <summary>A service this plugin registers.</summary>
    public sealed class Marker;
}
