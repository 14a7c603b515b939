using BRVT.Dti.Plugins;
using BRVT.Dti.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BRVT.Dti;

/// <summary>Registers report writers and the <see cref="ReportPublisher"/>.</summary>
public static class ReportingDtiBuilderExtensions
{
    /// <summary>
    /// Adds the built-in report writers (JSON, CSV, Markdown, Excel, HTML) and the <see cref="ReportPublisher"/>.
    /// Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddDtiReports(this IDtiBuilder builder) =>
        builder
            .AddReportWriter<JsonReportWriter>()
            .AddReportWriter<CsvReportWriter>()
            .AddReportWriter<MarkdownReportWriter>()
            .AddReportWriter<ExcelReportWriter>()
            .AddReportWriter<HtmlReportWriter>();

    /// <summary>
    /// Adds a report writer (a format) and the <see cref="ReportPublisher"/> that runs every registered writer.
    /// Adding the same writer type twice registers it once.
    /// </summary>
    /// <typeparam name="TWriter">The writer type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IDtiBuilder AddReportWriter<TWriter>(this IDtiBuilder builder)
        where TWriter : class, IReportWriter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportWriter, TWriter>());
        builder.Services.TryAddSingleton(provider => new ReportPublisher(provider.GetServices<IReportWriter>()));
        return builder;
    }
}
