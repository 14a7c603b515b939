using BRVT.Dti.Data;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("""{ "path": "a.xlsx", "period": "2023" }""", "/sources/0/layout", "The setting \"layout\" is required")]
    [InlineData("""{ "path": "a.xlsx", "layout": "columns", "period": "2023" }""", "/sources/0/layout", "Unknown layout 'columns'")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "colums": {} }""", "/sources/0/colums", "Unknown setting \"colums\"")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "unitColumn": "x", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/unitColumn", "Unknown setting \"unitColumn\"")]
    [InlineData("""{ "path": "../a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/path", "leads outside the workspace folder")]
    [InlineData("""{ "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/path", "The setting \"path\" is required")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0", "exactly one of \"period\"")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "periodCell": "B3", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/period", "exactly one of")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "periodCell": "3B", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/periodCell", "'3B' is not a cell")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "selfAssessed": "s" }, "use": "verified" }""", "/sources/0/use", "but the workbook's verified values are not configured")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "verified": "v" }, "use": "final" }""", "/sources/0/use", "Unknown stage 'final'")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "verified": "v" } }""", "/sources/0/columns", "needs \"measure\"")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m" } }""", "/sources/0/columns", "needs \"selfAssessed\", \"verified\" or both")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "final": "f" } }""", "/sources/0/columns/final", "Unknown column \"final\"")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "unitFrom": "Sheet", "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/unitFrom", "Write \"sheetName\"")]
    [InlineData("""{ "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "maxUncompressedBytes": 10, "columns": { "measure": "m", "verified": "v" } }""", "/sources/0/maxUncompressedBytes", "whole number from 1024")]
    [InlineData("""{ "path": "a.xlsx", "layout": "row-per-unit", "period": "2023", "measures": { "m1": "M1" } }""", "/sources/0/unitColumn", "The setting \"unitColumn\" is required")]
    [InlineData("""{ "path": "a.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "u" }""", "/sources/0/measures", "The setting \"measures\" is required")]
    [InlineData("""{ "path": "a.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "u", "measures": { "m1": 5 } }""", "/sources/0/measures/m1", "must be a non-empty string")]
    public void Create_WrongSettings_ThrowsNamingTheSetting(string json, string pointer, string message)
    {
        var exception = Assert.Throws<DataSourceConfigurationException>(() => new ExcelSourceFactory().Create(workspace.Configuration(json)));

        Assert.Equal(pointer, exception.Pointer);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(workspace.Root, "sources.json") + " at " + pointer + ": ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralWrongSources_ListsEveryProblem()
    {
        var catalog = new DataSourceCatalog([new ExcelSourceFactory()]);

        var exception = Assert.Throws<DataSourceConfigurationException>(() => catalog.Parse(
            """
            { "sources": [
              { "name": "a", "type": "xlsx", "path": "a.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "m", "verified": "v" } },
              { "name": "b", "type": "xlsx", "path": "b.xlsx", "layout": "sheet-per-unit", "period": "2023" },
              { "name": "c", "type": "xlsx", "path": "c.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "u", "measures": {} }
            ] }
            """,
            "sources.json",
            workspace.Root));

        Assert.Contains("2 problem(s)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("error at /sources/1/columns: The setting \"columns\" is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("error at /sources/2/measures: \"measures\" is empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GoodSettings_DoesNotOpenTheFile()
    {
        var source = new ExcelSourceFactory().Create(workspace.Configuration(
            """{ "name": "x", "path": "later.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "u", "measures": { "m1": "M1" }, "verifiedColumns": { "m1": "V1" } }"""));

        var reader = Assert.IsType<WorkbookReader>(source);
        Assert.Equal("x", reader.Name);
        Assert.Equal(AssessmentStages.Verified, reader.UsedStage);
        Assert.Equal(Path.Combine(workspace.Root, "later.xlsx"), reader.Path);
    }
}
