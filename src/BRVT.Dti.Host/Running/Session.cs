using BRVT.Dti.Data;
using BRVT.Dti.Host.Samples;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Reporting;
using BRVT.Dti.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// A workspace opened by a command: loaded, its sample data generated when it is a sample whose data is missing,
/// and assessed for the period (and, when asked, the previous period).
/// </summary>
internal sealed class Session : IDisposable
{
    private readonly ServiceProvider services;

    private Session(ServiceProvider services, Workspace workspace)
    {
        this.services = services;
        Workspace = workspace;
    }

    public Workspace Workspace { get; }

    public DtiEngine Engine => services.GetRequiredService<DtiEngine>();

    public DataSourceCatalog Catalog => services.GetRequiredService<DataSourceCatalog>();

    public ReportPublisher Reports => services.GetRequiredService<ReportPublisher>();

    public static async Task<Session> OpenAsync(string directory, IProgressReporter progress, CancellationToken cancellationToken)
    {
        // The settings come first: their "limits" configure the engine.
        var settings = WorkspaceLoader.ReadSettings(directory);
        var services = HostServices.Create(DtiLimits.Default with { MaxUnits = settings.MaxUnits });
        try
        {
            var workspace = await progress.RunAsync("Đọc không gian làm việc / loading the workspace",
                () => WorkspaceLoader.LoadAsync(settings, services.GetRequiredService<DtiEngine>(), cancellationToken)).ConfigureAwait(false);
            if (workspace.Settings.Sample is { } sample)
            {
                if (sample != SampleDataGenerator.Name)
                {
                    throw new WorkspaceException($"{WorkspaceLoader.SettingsFile} at /sample: unknown sample generator '{sample}'. The one bundled is \"{SampleDataGenerator.Name}\"; or remove \"sample\".");
                }

                // Two commands started at once must not both write the sample's files: the first generates, the other waits.
                using var gate = await SampleDataGenerator.LockAsync(workspace.Root, cancellationToken).ConfigureAwait(false);
                if (!SampleDataGenerator.IsCurrent(workspace.Root))
                {
                    var summary = await progress.RunAsync("Tạo dữ liệu mẫu (lần chạy đầu) / generating the sample data (first run)",
                        () => Task.Run(() => SampleDataGenerator.Generate(workspace, cancellationToken), cancellationToken)).ConfigureAwait(false);
                    progress.Note($"Sample data generated: {summary}.");
                }
            }

            return new Session(services, workspace);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<PeriodOutcome> AssessAsync(string period, IProgressReporter progress, RejectionMode mode, CancellationToken cancellationToken) =>
        progress.RunAsync($"Đọc dữ liệu và chấm điểm {period} / reading data and scoring {period}",
            () => WorkspaceAssessor.AssessAsync(Workspace, period, Catalog, mode, cancellationToken));

    public void Dispose() => services.Dispose();
}
