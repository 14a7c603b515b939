using BRVT.Dti;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// The services of the <c>dti</c> command: the engine, every bundled data-source type (CSV, Excel, SQL, HTTP) and the
/// report writers, registered the way an application embedding the library would.
/// </summary>
internal static class HostServices
{
    /// <summary>Creates the services; the engine takes <paramref name="limits"/> (the defaults when null).</summary>
    public static ServiceProvider Create(DtiLimits? limits = null)
    {
        var services = new ServiceCollection();
        services.AddDti(options => options.Limits = limits ?? DtiLimits.Default)
            .AddCsvSources()
            .AddExcelSources()
            .AddHttpSources()
            .AddSqlSources()
            .AddDtiReports();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
