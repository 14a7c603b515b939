using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Plugins;

/// <summary>Returned by <c>AddDti</c>; data sources, rules and report writers register through extension methods on it.</summary>
public interface IDtiBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
