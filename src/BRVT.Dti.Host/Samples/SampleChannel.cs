namespace BRVT.Dti.Host.Samples;

/// <summary>Which of the sample workspace's sources carries a measure.</summary>
internal enum SampleChannel
{
    /// <summary>The units' self-assessment workbooks (.xlsx), with self-assessed and verified values.</summary>
    Workbook,

    /// <summary>The CSV of figures reported by the province's systems and other agencies.</summary>
    ReportedFigures,

    /// <summary>The SQLite file of per-dossier records of the administrative-procedure system.</summary>
    Dossiers,
}
