using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Reading;
using BRVT.Dti.Sources.Excel.Settings;

namespace BRVT.Dti.Sources.Excel.Layouts;

/// <summary>What a layout needs to walk a workbook: the settings, the stages being read and the ledger's knowledge of units and measures.</summary>
internal sealed record LayoutContext(string Source, WorkbookSettings Settings, IReadOnlyList<StageColumns> Stages, ObservationLedger Ledger)
{
    public DataSourceException Failure(string message) => new(Source, $"{Settings.DisplayPath}: {message}", null);
}
