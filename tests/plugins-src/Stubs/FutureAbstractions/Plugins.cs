using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Plugins;

/// <summary>The builder, as in the current contracts.</summary>
public interface IDtiBuilder
{
    IServiceCollection Services { get; }
}

/// <summary>The plugin entry point, as in the current contracts.</summary>
public interface IDtiPlugin
{
    string Name { get; }

    void Register(IDtiBuilder builder);
}
