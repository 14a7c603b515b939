using System.Xml;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Layouts;
using BRVT.Dti.Sources.Excel.Packages;
using BRVT.Dti.Sources.Excel.Reading;
using BRVT.Dti.Sources.Excel.Settings;
using DocumentFormat.OpenXml.Packaging;

namespace BRVT.Dti.Sources.Excel;

/// <summary>
/// The <c>xlsx</c> data source: reads self-assessment workbooks as units send them, in one of two layouts
/// (<c>sheet-per-unit</c> or <c>row-per-unit</c>), with the self-assessed and the verified values side by side.
/// <see cref="ReadAsync"/> returns the stage the engine scores (setting <c>"use"</c>); <see cref="ReadBothStagesAsync"/>
/// returns both, paired, for reports.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: each read opens the file anew. The workbook is checked before it is parsed (the sizes its zip
/// entries declare and the sizes they actually inflate to must stay under <c>"maxUncompressedBytes"</c>, default
/// 200 MB), then read one sheet at a time on the calling thread. Every value cell read is accepted or rejected with
/// its location (<c>file.xlsx Sheet!C7</c>) and a reason.
/// </para>
/// <para>Obtain one from a <c>DataSourceCatalog</c> (type <c>xlsx</c>) and test with <c>is WorkbookReader</c>, or construct it from a configuration.</para>
/// </remarks>
public sealed class WorkbookReader : IDataSource
{
    private readonly WorkbookSettings settings;

    /// <summary>Reads and checks the settings of an <c>xlsx</c> source; the file is not opened yet.</summary>
    /// <param name="configuration">The source's configuration.</param>
    /// <exception cref="DataSourceConfigurationException">A setting is missing or wrong; the message names it.</exception>
    public WorkbookReader(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Name = configuration.Name;
        settings = WorkbookSettings.Parse(new SettingsReader(configuration));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The stage <see cref="ReadAsync"/> returns: <see cref="AssessmentStages.Verified"/> or <see cref="AssessmentStages.SelfAssessed"/>.</summary>
    public string UsedStage => settings.UsedStage;

    /// <summary>The workbook's full path.</summary>
    public string Path => settings.FullPath;

    /// <summary>
    /// Reads the values of the stage in use (<see cref="UsedStage"/>). The account counts that stage's value cells:
    /// an empty value cell of a known unit and measure is accepted as a missing value (NaN) with its location.
    /// </summary>
    /// <param name="request">The measures, period and units wanted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The observations (their <see cref="Provenance.Stage"/> is the stage in use) and the account.</returns>
    /// <exception cref="DataSourceException">The workbook is missing, corrupt, too large, lacks a sheet or a header; or strict mode met a bad cell.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ledger = Read(request, [.. settings.Stages.Where(s => s.Stage == settings.UsedStage)], cancellationToken);
        return ValueTask.FromResult(new SourceReadResult(ledger.Accepted, ledger.Account()));
    }

    /// <summary>
    /// Reads both stages and pairs them per unit and measure, so that reports can show self-assessed against verified
    /// values. The account counts the value cells of both stages.
    /// </summary>
    /// <param name="request">The measures, period and units wanted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The pairs and the account.</returns>
    /// <exception cref="DataSourceException">The workbook is missing, corrupt, too large, lacks a sheet or a header; or strict mode met a bad cell.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public ValueTask<StagedReadResult> ReadBothStagesAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ledger = Read(request, settings.Stages, cancellationToken);
        var pairs = new Dictionary<(string Unit, string Measure), int>();
        var list = new List<StagePair>();
        foreach (var observation in ledger.Accepted)
        {
            var key = (observation.UnitId, observation.MeasureId);
            if (!pairs.TryGetValue(key, out var index))
            {
                pairs[key] = index = list.Count;
                list.Add(new StagePair(observation.UnitId, observation.MeasureId, observation.Period, null, null));
            }

            list[index] = observation.Provenance.Stage == AssessmentStages.Verified
                ? list[index] with { Verified = observation }
                : list[index] with { SelfAssessed = observation };
        }

        return ValueTask.FromResult(new StagedReadResult(list, ledger.Account()));
    }

    private ObservationLedger Read(SourceReadRequest request, IReadOnlyList<StageColumns> stages, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ledger = new ObservationLedger(Name, request, settings.MaxCellTextLength);
        var context = new LayoutContext(Name, settings, stages, ledger);
        var shown = settings.DisplayPath;
        FileStream stream;
        try
        {
            stream = new FileStream(settings.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataSourceException(Name, $"the workbook {shown} does not exist ({settings.FullPath}). Check the setting \"path\".", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException(Name, $"the workbook {shown} could not be opened: {exception.Message}", exception);
        }

        using (stream)
        {
            string? refusal;
            try
            {
                refusal = ZipGuard.Check(stream, settings.MaxUncompressedBytes, cancellationToken);
            }
            catch (InvalidDataException exception)
            {
                throw new DataSourceException(Name, $"{shown} is not an .xlsx workbook (it is not a zip package: {exception.Message}). Save it from Excel as \"Excel Workbook (*.xlsx)\"; old .xls files are not read.", exception);
            }
            catch (IOException exception)
            {
                throw new DataSourceException(Name, $"{shown} could not be read: {exception.Message}", exception);
            }

            if (refusal is not null)
            {
                throw new DataSourceException(Name, $"{shown} is refused before parsing: {refusal}.", null);
            }

            stream.Position = 0;
            try
            {
                using var package = WorkbookPackage.Open(stream, settings.MaxUncompressedBytes, settings.MaxCellTextLength);
                var records = settings.Layout == Settings.WorkbookLayout.SheetPerUnit
                    ? SheetPerUnitLayout.Read(package, context, cancellationToken)
                    : RowPerUnitLayout.Read(package, context, cancellationToken);
                foreach (var record in records)
                {
                    ledger.Add(record);
                }
            }
            // ArgumentException: System.IO.Packaging's own check of a part name read from the package (a relationship to "/").
            // FormatException, OverflowException: an attribute the SDK reads as a number holds text or too large a number.
            catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException or FormatException or OverflowException or IOException or InvalidOperationException or ArgumentException)
            {
                throw new DataSourceException(Name, $"{shown} is not a readable .xlsx workbook: {exception.Message} Open it in Excel or LibreOffice and save it again as .xlsx.", exception);
            }
        }

        return ledger;
    }
}
