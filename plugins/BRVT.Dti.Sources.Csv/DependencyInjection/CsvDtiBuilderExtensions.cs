using BRVT.Dti.Data;
using BRVT.Dti.Plugins;
using BRVT.Dti.Sources.Csv;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti;

/// <summary>Registers the CSV data sources.</summary>
public static class CsvDtiBuilderExtensions
{
    /// <summary>
    /// Adds the source types <c>csv-long</c>, <c>csv-wide</c> and <c>csv-records</c> to the data source catalog.
    /// Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The builder <c>AddDti</c> returned.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddCsvSources(this IDtiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, CsvLongSourceFactory>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, CsvWideSourceFactory>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceFactory, CsvRecordsSourceFactory>());
        return builder;
    }
}
