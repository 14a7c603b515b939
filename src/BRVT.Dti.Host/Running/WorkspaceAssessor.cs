using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Sources;
using BRVT.Dti.Sources.Excel;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// Assesses a workspace for one period: reads every source of the period once (for all units and all measures of
/// all its indices, so a row is never rejected merely because it belongs to another index), then prepares and
/// assesses each index over its own units. Self-assessment workbooks are read with both stages, so that every cell
/// is accounted for and reports can set the self-assessed values beside the verified ones.
/// </summary>
internal static class WorkspaceAssessor
{
    public static async Task<PeriodOutcome> AssessAsync(Workspace workspace, string period, DataSourceCatalog catalog, RejectionMode mode, CancellationToken cancellationToken)
    {
        if (!workspace.Settings.Sources.TryGetValue(period, out var sourcesFile))
        {
            throw new WorkspaceException($"{WorkspaceLoader.SettingsFile} at /sources: no sources file for the period {period}. Add \"{period}\": \"sources-{period}.json\".");
        }

        var path = WorkspaceLoader.Inside(workspace.Root, sourcesFile, "/sources/" + period);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new WorkspaceException($"{sourcesFile}: cannot be read ({exception.Message}).");
        }

        var sources = catalog.Parse(text, sourcesFile, workspace.Root);
        try
        {
            var request = new SourceReadRequest(Measures(workspace), period, workspace.Units, mode);
            var observations = new List<Observation>();
            var accounts = new List<SourceAccount>();
            var stages = new List<StagePair>();
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SourceAccount account;
                if (source is WorkbookReader workbook)
                {
                    var staged = await workbook.ReadBothStagesAsync(request, cancellationToken).ConfigureAwait(false);
                    stages.AddRange(staged.Pairs);
                    observations.AddRange(staged.Pairs.Select(p => workbook.UsedStage == AssessmentStages.Verified ? p.Verified : p.SelfAssessed).OfType<Observation>());
                    account = staged.Account;
                }
                else
                {
                    var read = await source.ReadAsync(request, cancellationToken).ConfigureAwait(false);
                    observations.AddRange(read.Observations);
                    account = read.Account;
                }

                if (!account.Balances)
                {
                    throw new InvalidOperationException($"Source '{source.Name}' read {account.RowsRead} rows but accounted for {account.RowsAccepted} accepted and {account.Rejected.Count} rejected.");
                }

                accounts.Add(account);
            }

            var indices = new List<IndexOutcome>();
            foreach (var index in workspace.Assessments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ids = index.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
                var measures = index.Plan.Definition.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
                var mine = observations.Where(o => ids.Contains(o.UnitId) && measures.Contains(o.MeasureId));
                var data = index.Plan.Prepare(index.Units, mine, period, cancellationToken);
                indices.Add(new IndexOutcome(index, data, index.Plan.Assess(data, cancellationToken)));
            }

            return new PeriodOutcome(period, new DataReadResult(observations, accounts), indices, stages);
        }
        finally
        {
            foreach (var source in sources.OfType<IDisposable>())
            {
                source.Dispose();
            }
        }
    }

    /// <summary>The measures of every index, each once; the same id must mean the same derivation everywhere.</summary>
    private static List<MeasureDefinition> Measures(Workspace workspace)
    {
        var measures = new Dictionary<string, (MeasureDefinition Measure, string Index)>(StringComparer.Ordinal);
        foreach (var index in workspace.Assessments)
        {
            foreach (var measure in index.Plan.Definition.Measures)
            {
                if (!measures.TryGetValue(measure.Id, out var first))
                {
                    measures[measure.Id] = (measure, index.Id);
                }
                else if (!Equals(first.Measure.Derivation, measure.Derivation) || first.Measure.Formula != measure.Formula)
                {
                    throw new WorkspaceException(
                        $"The measure '{measure.Id}' is derived differently in the indices '{first.Index}' and '{index.Id}'. A workspace reads each measure once: give one of them another id, or make the derivations equal.");
                }
            }
        }

        return measures.Values.Select(m => m.Measure).ToList();
    }
}
