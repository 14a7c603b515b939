using BRVT.Dti.Plugins;
using BRVT.Dti.TestPlugins;

namespace BRVT.Dti;

/// <summary>The extension a package plugin offers: one call on the builder, harmless when repeated.</summary>
public static class ReferencedSourcesBuilderExtensions
{
    /// <summary>Adds the <c>fixed</c> source type.</summary>
    public static IDtiBuilder AddFixedSources(this IDtiBuilder builder) => builder.AddDataSourceFactory<FixedSourceFactory>();
}
