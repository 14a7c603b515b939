using System.Globalization;
using System.Text;
using BRVT.Dti.Host.Workspaces;

namespace BRVT.Dti.Host.Samples;

/// <summary>
/// Makes the data files of a sample workspace, deterministically, from its units and index definitions: per period a
/// self-assessment workbook per index (sheet per unit), a CSV of figures reported by the province's systems, and one
/// SQLite file of per-dossier records for all periods. Files are written to temporary names and renamed, and a stamp
/// file records the generator's version, so an interrupted run is redone and a finished one is not.
/// </summary>
internal static class SampleDataGenerator
{
    public const string Name = "brvt-sample";
    public const string DossierFile = "ho-so-tthc.sqlite";
    public const string StampFile = ".sample-data";
    private const string Version = "brvt-sample 1";

    public static string WorkbookFile(string period, string assessmentId) => $"{period}/tu-danh-gia-{assessmentId}.xlsx";

    public static string FiguresFile(string period) => $"{period}/so-lieu-bao-cao.csv";

    /// <summary>Takes the workspace's generation lock (a file opened exclusively), waiting while another process holds it.</summary>
    public static async Task<IDisposable> LockAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, StampFile + ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 1200)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new WorkspaceException($"{root}: the sample's data cannot be generated here ({exception.Message}). Copy the workspace to a folder you can write with `dti init <folder>`.");
            }
        }
    }

    /// <summary>Whether the workspace's generated files are present and made by this version of the generator.</summary>
    public static bool IsCurrent(string root)
    {
        var stamp = Path.Combine(root, StampFile);
        return File.Exists(stamp) && File.ReadAllText(stamp).StartsWith(Version, StringComparison.Ordinal);
    }

    /// <summary>Generates every data file; returns a one-line summary of what was written.</summary>
    public static string Generate(Workspace workspace, CancellationToken cancellationToken)
    {
        var root = workspace.Root;
        File.Delete(Path.Combine(root, StampFile));
        var periods = new[] { workspace.Settings.PreviousPeriod, workspace.Settings.Period }.OfType<string>().ToList();
        var generators = workspace.Assessments.Select(a => (Index: a, Figures: new SampleFigureGenerator(a.Plan.Definition, workspace.Units))).ToList();
        var workbooks = 0;
        var figures = 0;
        foreach (var period in periods)
        {
            Directory.CreateDirectory(Path.Combine(root, period));
            var csv = new StringBuilder("unit,period,measure,value,source\n");
            foreach (var (index, generator) in generators)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var forms = new List<SampleWorkbookWriter.Form>();
                foreach (var unit in index.Units)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var all = generator.Figures(unit, period).ToList();
                    var missing = SampleScenario.MissingRows.GetValueOrDefault((unit.Id, period)) ?? [];
                    forms.Add(new SampleWorkbookWriter.Form(unit.Id, unit.Name.Vi, all.Where(f => f.Measure.Channel == SampleChannel.Workbook && !missing.Contains(f.Measure.Id)).ToList()));
                    foreach (var figure in all.Where(f => f.Measure.Channel == SampleChannel.ReportedFigures))
                    {
                        csv.Append(CultureInfo.InvariantCulture, $"{figure.UnitId},{period},{figure.Measure.Id},{figure.Verified.ToString(CultureInfo.InvariantCulture)},{Quote(figure.Measure.Definition.Source ?? string.Empty)}\n");
                        figures++;
                    }
                }

                if (forms.Any(f => f.Figures.Count > 0))
                {
                    var path = Path.Combine(root, WorkbookFile(period, index.Id));
                    WriteAtomically(path, temp => SampleWorkbookWriter.Write(temp, index.Plan.Definition.Title.Vi, period, forms, cancellationToken));
                    workbooks++;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            WriteAtomically(Path.Combine(root, FiguresFile(period)), temp => File.WriteAllText(temp, csv.ToString(), new UTF8Encoding(true)));
        }

        long dossiers = 0;
        WriteAtomically(Path.Combine(root, DossierFile), temp => dossiers = SampleDossierDatabase.Write(
            temp,
            periods.SelectMany(period => generators.SelectMany(g => g.Index.Units.SelectMany(unit => g.Figures.Dossiers(unit, period)))),
            cancellationToken));
        File.WriteAllText(Path.Combine(root, StampFile), $"{Version}\n");
        return string.Create(CultureInfo.InvariantCulture, $"{workbooks} self-assessment workbooks, {figures} reported figures and {dossiers} dossier records for {string.Join(" and ", periods)}");
    }

    private static void WriteAtomically(string path, Action<string> write)
    {
        var temp = path + ".tmp";
        File.Delete(temp);
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
