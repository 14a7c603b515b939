using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;

namespace BRVT.Dti.Sources.Csv.Tests.Settings;

public sealed class SettingsTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private DataSourceConfigurationException Refused(IDataSourceFactory factory, string json) =>
        Assert.Throws<DataSourceConfigurationException>(() => factory.Create(workspace.Configuration(json)));

    [Fact]
    public void Create_MissingPath_NamesThePointer()
    {
        var exception = Refused(new CsvLongSourceFactory(), """{ "name": "s", "type": "csv-long" }""");
        Assert.Equal("/sources/0/path", exception.Pointer);
        Assert.Equal(workspace.ConfigurationFile, exception.File);
    }

    [Fact]
    public void Create_EveryProblem_IsListedWithItsPointer()
    {
        var exception = Refused(new CsvLongSourceFactory(), """
            { "name": "s", "type": "csv-long", "path": "../outside.csv", "delimiter": "|", "decimalComa": true,
              "mapping": { "unit": "u", "measur": "m" }, "stage": "draft", "unitMatch": "code", "rejectsFile": "/etc/rejects.csv" }
            """);
        Assert.Contains("7 problems in source 's'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/path: The path '../outside.csv' leads outside the workspace", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/delimiter: Unknown delimiter '|'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/mapping/measur: Unknown key \"measur\" in \"mapping\". Use some of: unit, period, measure, value, stage.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/stage: Unknown stage 'draft'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/unitMatch: Unknown unitMatch 'code'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/rejectsFile: The path '/etc/rejects.csv' leads outside the workspace", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/0/decimalComa: Unknown setting \"decimalComa\" for a csv-long source.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DecimalCommaWithCommaDelimiter_IsRefused()
    {
        var exception = Refused(new CsvWideSourceFactory(), """{ "name": "s", "type": "csv-wide", "path": "w.csv", "delimiter": ",", "decimalComma": true }""");
        Assert.Equal("/sources/0/decimalComma", exception.Pointer);
    }

    [Fact]
    public void Create_FixedPeriodAndPeriodColumn_IsRefused()
    {
        var exception = Refused(new CsvLongSourceFactory(), """{ "name": "s", "type": "csv-long", "path": "l.csv", "period": "2023", "mapping": { "period": "nam" } }""");
        Assert.Equal("/sources/0/period", exception.Pointer);
    }

    [Fact]
    public void Create_OneColumnForTwoRoles_IsRefused()
    {
        var exception = Refused(new CsvLongSourceFactory(), """{ "name": "s", "type": "csv-long", "path": "l.csv", "mapping": { "unit": "x", "measure": "X" } }""");
        Assert.Contains("The column 'X' is mapped to both \"unit\" and \"measure\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RejectsFileOverTheDataFile_IsRefused()
    {
        var exception = Refused(new CsvLongSourceFactory(), """{ "name": "s", "type": "csv-long", "path": "data/l.csv", "rejectsFile": "data/../data/l.csv" }""");
        Assert.Equal("/sources/0/rejectsFile", exception.Pointer);
    }

    [Fact]
    public void Create_RecordsWithPeriodAndDateColumns_IsRefused()
    {
        var exception = Refused(new CsvRecordsSourceFactory(), """{ "name": "s", "type": "csv-records", "path": "r.csv", "mapping": { "period": "p", "date": "d" } }""");
        Assert.Contains("Map either a \"period\" column or a \"date\" column, not both.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RecordsWithAStageColumn_SaysToUseTheSetting()
    {
        var exception = Refused(new CsvRecordsSourceFactory(), """{ "name": "s", "type": "csv-records", "path": "r.csv", "mapping": { "stage": "giai_doan" } }""");
        Assert.Equal("/sources/0/mapping/stage", exception.Pointer);
    }

    [Fact]
    public void Create_WideWithEmptyMeasureMapping_IsRefused()
    {
        var exception = Refused(new CsvWideSourceFactory(), """{ "name": "s", "type": "csv-wide", "path": "w.csv", "measures": {} }""");
        Assert.Equal("/sources/0/measures", exception.Pointer);
    }

    [Theory]
    [InlineData("""{ "name": "s", "type": "csv-long", "path": "l.csv", "delimiter": "tab", "$comment": "tab-separated export" }""")]
    [InlineData("""{ "name": "s", "type": "csv-long", "path": "l.csv", "delimiter": "\t", "description": "a tab written as JSON escape" }""")]
    [InlineData("""{ "name": "s", "type": "csv-wide", "path": "w.csv", "measures": "all", "ignoreColumns": "ten" }""")]
    [InlineData("""{ "name": "s", "type": "csv-records", "path": "r.csv", "records": "dossiers", "mapping": { "date": "ngay", "id": "ma" }, "dateFormat": ["dd/MM/yyyy", "yyyy-MM-dd"], "fields": { "Trực tuyến": "online" } }""")]
    public void Create_ValidSettings_CreatesASourceNamedAsConfigured(string json)
    {
        var configuration = workspace.Configuration(json);
        IDataSourceFactory factory = configuration.Type switch
        {
            "csv-long" => new CsvLongSourceFactory(),
            "csv-wide" => new CsvWideSourceFactory(),
            _ => new CsvRecordsSourceFactory(),
        };
        Assert.Equal(configuration.Type, factory.Type);
        Assert.Equal("s", factory.Create(configuration).Name);
    }
}
