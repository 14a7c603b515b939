using BRVT.Dti.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.DependencyInjection;

/// <summary>The builder <c>AddDti</c> returns.</summary>
internal sealed class DtiBuilder(IServiceCollection services) : IDtiBuilder
{
    public IServiceCollection Services { get; } = services;
}
