using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Excel;

/// <summary>Creates <c>xlsx</c> sources (<see cref="WorkbookReader"/>) from their configuration.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ExcelSourceFactory : IDataSourceFactory
{
    /// <summary>The source type: <c>xlsx</c>.</summary>
    public const string SourceType = "xlsx";

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    public IDataSource Create(DataSourceConfiguration configuration) => new WorkbookReader(configuration);
}
