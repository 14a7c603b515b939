using BRVT.Dti.Data;
using BRVT.Dti.Plugins;
using BRVT.Dti.Sources.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti;

/// <summary>Registers the <c>xlsx</c> data source.</summary>
public static class ExcelDtiBuilderExtensions
{
    /// <summary>Adds the <c>xlsx</c> source type (self-assessment workbooks); calling it twice registers it once.</summary>
    /// <param name="builder">The builder <c>AddDti</c> returned.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddExcelSources(this IDtiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, ExcelSourceFactory>());
        return builder;
    }
}
