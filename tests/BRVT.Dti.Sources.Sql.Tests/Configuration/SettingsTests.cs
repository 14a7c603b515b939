using System.Security.Cryptography;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Configuration;

/// <summary>
/// Settings are checked when the source is created, before any connection: every problem names the JSON pointer of
/// the setting and says how to fix it; names that could carry SQL never reach the database.
/// </summary>
public sealed class SettingsTests
{
    public static TheoryData<string> InjectionNames => new()
    {
        "ho_so; DROP TABLE ho_so",
        "ho_so\"; DROP TABLE ho_so; --",
        "x' OR '1'='1",
        "ho_so--",
        "ho_so/**/",
        "\"ho_so\"",
        "`ho_so`",
        "[ho_so]",
        "ho so",
        "ho_so\u0000",
        "ho\u200Bso",
        "ho_so\uFF02",
        "ho_so\u201D",
        "1ho_so",
        "",
        "a.b.c",
        "ho_so)",
        "ho\u0309_so",
        "ho_so\n",
        "ho_so;",
    };

    [Theory]
    [MemberData(nameof(InjectionNames))]
    public void Create_InjectionInRecordTableName_ConfigurationErrorAtItsPointerAndNothingRuns(string name)
    {
        using var database = TestDatabase.Sqlite();
        DossierScenario.Create(database);
        var before = Hash(database);
        var members = DossierScenario.SourceMembers().Replace("\"table\": \"ho_so\"", $"\"table\": {JsonSerializer.Serialize(name)}", StringComparison.Ordinal);
        var exception = Assert.Throws<DataSourceConfigurationException>(() => database.CreateSource(members));
        Assert.Equal("/sources/0/records/dossiers/table", exception.Pointer);
        Assert.Equal("sources.json", exception.File);
        Assert.Equal(before, Hash(database));
        Assert.Equal(DossierScenario.Dossiers.Count, Convert.ToInt32(database.Scalar("SELECT COUNT(*) FROM ho_so"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"unit\": \"unit\"", "unit", "/sources/0/observations/columns/unit")]
    [InlineData("\"value\": \"value\"", "value", "/sources/0/observations/columns/value")]
    [InlineData("\"stage\": \"stage\"", "stage", "/sources/0/observations/columns/stage")]
    [InlineData("\"table\": \"chi_tieu\"", "table", "/sources/0/observations/table")]
    [InlineData("\"unit\": \"agency\"", "unit", "/sources/0/records/dossiers/columns/unit")]
    [InlineData("\"period\": \"year\"", "period", "/sources/0/records/dossiers/columns/period")]
    [InlineData("\"key\": \"id\" }", "key", "/sources/0/records/dossiers/columns/key")]
    [InlineData("\"days\": \"days\"", "days", "/sources/0/records/dossiers/fields/days")]
    public void Create_InjectionInAnyName_ConfigurationErrorAtThatSetting(string setting, string key, string pointer)
    {
        using var database = TestDatabase.Sqlite();
        var members = DossierScenario.SourceMembers();
        var at = members.LastIndexOf(setting, StringComparison.Ordinal);
        var replaced = $"\"{key}\": \"x\\\"; DROP TABLE ho_so; --\"" + (setting.EndsWith('}') ? " }" : string.Empty);
        members = members[..at] + replaced + members[(at + setting.Length)..];
        var exception = Assert.Throws<DataSourceConfigurationException>(() => database.CreateSource(members));
        Assert.Equal(pointer, exception.Pointer);
        Assert.Contains("quotes, spaces, punctuation and SQL are never accepted in names", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InjectionThroughTheCatalog_OneErrorListingThePointer()
    {
        using var database = TestDatabase.Sqlite();
        var catalog = new DataSourceCatalog([new SqliteSourceFactory(), new PostgresSourceFactory(), new DuckDbSourceFactory()]);
        var json = $$"""{ "sources": [ {{database.SourceJson(DossierScenario.SourceMembers().Replace("\"fee\": \"fee\"", "\"fee\": \"fee; DELETE FROM ho_so\"", StringComparison.Ordinal))}} ] }""";
        var exception = Assert.Throws<DataSourceConfigurationException>(() => catalog.Parse(json, "sources.json", database.Workspace));
        Assert.Equal("/sources/0/records/dossiers/fields/fee", exception.Pointer);
        Assert.Matches(@"sources\.json\(\d+,\d+\): error at /sources/0/records/dossiers/fields/fee: 'fee; DELETE FROM ho_so' is not an acceptable column name", exception.Message);
    }

    [Fact]
    public void Create_VietnameseAndQualifiedNames_Accepted()
    {
        using var database = TestDatabase.Sqlite();
        var source = database.CreateSource("""
            "records": { "hồ_sơ": { "table": "main.hồ_sơ_2023", "columns": { "unit": "mã_đơn_vị", "period": "năm" }, "fields": { "on_time": "đúng_hạn" } } }
            """);
        Assert.Equal("db", source.Name);
    }

    [Fact]
    public void Create_PathLeavesTheWorkspace_ConfigurationErrorAtPath()
    {
        using var database = TestDatabase.Sqlite();
        var exception = Assert.Throws<DataSourceConfigurationException>(() => Create(database, "sqlite", """ "path": "../../etc/passwd", "records": {} """));
        Assert.Equal("/sources/0/path", exception.Pointer);
        Assert.Contains("leads outside the workspace", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeveralProblems_OneExceptionListingEach()
    {
        using var database = TestDatabase.Sqlite();
        var exception = Assert.Throws<DataSourceConfigurationException>(() => Create(database, "duckdb", """
            "path": "x.duckdb", "colour": "blue", "commandTimeoutSeconds": 0,
            "records": { "d": { "table": "t", "fields": { "bad-name": "c", "ok": "c d" }, "pushdown": "yes" } }
            """));
        Assert.Equal("/sources/0", exception.Pointer);
        foreach (var pointer in new[] { "/sources/0/colour", "/sources/0/commandTimeoutSeconds", "/sources/0/records/d/fields/bad-name", "/sources/0/records/d/fields/ok", "/sources/0/records/d/pushdown" })
        {
            Assert.Contains($"at {pointer}: ", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_NothingToRead_SaysWhatToAdd()
    {
        using var database = TestDatabase.Sqlite();
        var exception = Assert.Throws<DataSourceConfigurationException>(() => Create(database, "sqlite", """ "path": "x.db" """));
        Assert.Equal("/sources/0", exception.Pointer);
        Assert.Contains("add \"observations\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PasswordInConnectionString_RefusedWithoutRepeatingIt()
    {
        using var database = TestDatabase.Sqlite();
        var exception = Assert.Throws<DataSourceConfigurationException>(() => Create(database, "postgres", """
            "connectionString": "Host=db.example;Database=dti;Username=reader;Password=hunter2", "records": { "d": { "table": "t", "fields": {} } }
            """));
        Assert.Equal("/sources/0/connectionString", exception.Pointer);
        Assert.Contains("passwordEnv", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PasswordVariableNotSet_ConfigurationErrorAtPasswordEnv()
    {
        using var database = TestDatabase.Sqlite();
        var exception = Assert.Throws<DataSourceConfigurationException>(() => Create(database, "postgres", """
            "connectionString": "Host=db.example;Database=dti;Username=reader", "passwordEnv": "DTI_TEST_VARIABLE_THAT_IS_NOT_SET", "records": { "d": { "table": "t", "fields": {} } }
            """));
        Assert.Equal("/sources/0/passwordEnv", exception.Pointer);
        Assert.Contains("DTI_TEST_VARIABLE_THAT_IS_NOT_SET is not set", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ConnectionStringFromEnvironment_LabelNamesServerNotSecret()
    {
        using var database = TestDatabase.Sqlite();
        var variable = "DTI_TEST_CS_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, "Host=db.example;Port=5433;Database=dti;Username=reader;Password=hunter2");
        try
        {
            var source = (SqlDataSource)Create(database, "postgres", $$""" "connectionStringEnv": "{{variable}}", "records": { "d": { "table": "t", "fields": {} } } """);
            Assert.Equal("postgres:db.example:5433/dti", source.Database.Label);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task ReadAsync_DerivationNamesUnmappedField_ConfigurationErrorBeforeAnyQuery()
    {
        using var database = TestDatabase.Sqlite();
        var source = database.CreateSource(DossierScenario.SourceMembers());

        // The database file does not even exist: the derivation is checked first.
        var exception = await Assert.ThrowsAsync<DataSourceConfigurationException>(() => source.ReadAsync(
            Requests.Request([Requests.Derived("late", "count", filter: "days_late > 0")], DossierScenario.Units)).AsTask());
        Assert.Equal("/sources/0/records/dossiers", exception.Pointer);
        Assert.Contains("measure 'late' is derived from record set 'dossiers', but its filter 'days_late > 0' reads the field 'days_late', which is not one of the record set's fields (days, fee, on_time, online)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DatabaseFileMissing_DataSourceExceptionSaysSo()
    {
        using var database = TestDatabase.DuckDb();
        var source = database.CreateSource(DossierScenario.SourceMembers());
        var exception = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(DossierScenario.Request()).AsTask());
        Assert.Contains("the database file 'data/tthc.duckdb' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_TableOrColumnMissing_DataSourceExceptionNamesIt(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        DossierScenario.Create(database);
        var source = database.CreateSource(DossierScenario.SourceMembers().Replace("\"fee\": \"fee\"", "\"fee\": \"phi\"", StringComparison.Ordinal));
        var exception = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(DossierScenario.Request()).AsTask());
        Assert.Contains("record set 'dossiers' (table ho_so)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the table and every column named in the settings exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"phi\"", exception.Message, StringComparison.Ordinal);
    }

    private static IDataSource Create(TestDatabase database, string type, string members)
    {
        using var document = JsonDocument.Parse($$"""{ "name": "db", "type": "{{type}}", {{members}} }""");
        IDataSourceFactory factory = type switch
        {
            "sqlite" => new SqliteSourceFactory(),
            "duckdb" => new DuckDbSourceFactory(),
            _ => new PostgresSourceFactory(),
        };
        return factory.Create(new DataSourceConfiguration
        {
            Name = "db",
            Type = type,
            Settings = document.RootElement.Clone(),
            BaseDirectory = database.Workspace,
            ConfigurationFile = "sources.json",
            Pointer = "/sources/0",
        });
    }

    private static string Hash(TestDatabase database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(database.Workspace, database.FileName))));
    }
}
