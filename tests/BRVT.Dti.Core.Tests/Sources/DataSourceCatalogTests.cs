using BRVT.Dti.Data;
using BRVT.Dti.Sources;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Sources;

public sealed class DataSourceCatalogTests
{
    private static readonly string Workspace = Path.GetTempPath();

    [Fact]
    public void Parse_KnownTypes_CreatesSourcesWithTheirPointers()
    {
        var catalog = new DataSourceCatalog([new FixedFactory()]);
        var sources = catalog.Parse("""{ "sources": [ { "name": "a", "type": "fixed" }, { "name": "b", "type": "fixed" } ] }""", "sources.json", Workspace);
        Assert.Equal(["a@/sources/0", "b@/sources/1"], sources.Select(s => s.Name));
    }

    [Fact]
    public void Parse_CommonAndTypeSpecificSettings_AreAccepted()
    {
        const string json = """
            {
              "$schema": "../indicators/schema/sources.schema.json",
              "$comment": "2023 assessment",
              "sources": [
                {
                  "$comment": "the dossier system's export", "name": "hồ sơ 2023", "type": "fixed", "description": "Dossiers",
                  "path": "data/ho-so.csv", "location": "table1", "url": "https://example.invalid/api", "period": "2023", "stage": "verified",
                  "mapping": { "unit": "ma_dv", "period": "nam", "measure": "chi_tieu", "value": "gia_tri", "stage": "giai_doan", "m1": "Cột 1" },
                  "options": { "separator": ";", "decimalComma": true },
                  "separator": ";", "columns": { "anything": [1, 2] }
                }
              ]
            }
            """;

        var catalog = new DataSourceCatalog([new FixedFactory()]);

        Assert.Empty(catalog.Validate(json, "sources.json", Workspace));
        Assert.Equal(["hồ sơ 2023@/sources/0"], catalog.Parse(json, "sources.json", Workspace).Select(s => s.Name));
    }

    [Fact]
    public void Parse_EveryProblem_IsListedWithLineColumnAndPointer()
    {
        const string json = """
            { "sources": [
              { "name": "a", "type": "fixd" },
              { "type": "fixed" },
              { "name": "c", "type": "fixed", "path": "../../x.csv" },
              { "name": "c", "type": "fixed" }
            ] }
            """;

        var exception = Assert.Throws<DataSourceConfigurationException>(() => new DataSourceCatalog([new FixedFactory()]).Parse(json, "sources.json", Workspace));

        Assert.StartsWith("sources.json at /: 4 problem(s) in the data source configuration:", exception.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, exception.Pointer);
        var lines = exception.Message.Split(Environment.NewLine)[1..];
        Assert.Equal(4, lines.Length);
        Assert.Equal("sources.json(2,26): error at /sources/0/type: Unknown source type 'fixd'. Did you mean 'fixed'? Use one of: fixed, or add the package or plugin that provides 'fixd'.", lines[0]);
        Assert.Equal("sources.json(3,3): error at /sources/1/name: A data source needs 'name'. Add \"name\": \"…\".", lines[1]);
        Assert.StartsWith("sources.json(4,43): error at /sources/2/path: The path '../../x.csv' leads outside the workspace", lines[2], StringComparison.Ordinal);
        Assert.Equal("sources.json(5,13): error at /sources/3/name: The name 'c' is used by an earlier source. Give each source its own name: observations and rejected rows cite it.", lines[3]);
    }

    [Fact]
    public void Parse_OneProblem_ExceptionCarriesItsPointer()
    {
        var exception = Assert.Throws<DataSourceConfigurationException>(() => new DataSourceCatalog([new FixedFactory()]).Parse(
            """{ "sources": [ { "name": "a", "type": "fixed", "path": 5 } ] }""", "sources.json", Workspace));

        Assert.Equal("/sources/0/path", exception.Pointer);
        Assert.Equal("sources.json", exception.File);
        Assert.EndsWith("sources.json(1,56): error at /sources/0/path: 'path' must be a string in double quotes, but is the number 5. Write it as \"5\".", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "sources": [], "soruces": [] }""", "(1,18)", "/soruces", "Property 'soruces' is not part of a BRVT.Dti data source configuration. Did you mean 'sources'?")]
    [InlineData("""{ "sources": {} }""", "(1,14)", "/sources", "'sources' must be an array [ … ], but is an object.")]
    [InlineData("""{ "sources": [ "csv" ] }""", "(1,16)", "/sources/0", "'sources[0]' must be an object { … }, but is the string \"csv\".")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "Fixed" } ] }""", "(1,39)", "/sources/0/type", "'type' \"Fixed\" is not in the required form. Write the source type in lower case")]
    [InlineData("""{ "sources": [ { "name": " a", "type": "fixed" } ] }""", "(1,26)", "/sources/0/name", "'name' \" a\" is not in the required form. Write a short name without '/', '#'")]
    [InlineData("""{ "sources": [ { "name": "a/b", "type": "fixed" } ] }""", "(1,26)", "/sources/0/name", "'name' \"a/b\" is not in the required form.")]
    [InlineData("""{ "sources": [ { "name": "", "type": "fixed" } ] }""", "(1,26)", "/sources/0/name", "'name' must not be empty.")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "" } ] }""", "(1,39)", "/sources/0/type", "'type' must not be empty.")]
    [InlineData("""{ "sources": [ { "name": 7, "type": "fixed" } ] }""", "(1,26)", "/sources/0/name", "'name' must be a string in double quotes, but is the number 7. Write it as \"7\".")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "stage": true } ] }""", "(1,57)", "/sources/0/stage", "'stage' must be a string in double quotes, but is true.")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "period": 2023 } ] }""", "(1,58)", "/sources/0/period", "'period' must be a string in double quotes, but is the number 2023. Write it as \"2023\".")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "mapping": "ma_dv" } ] }""", "(1,59)", "/sources/0/mapping", "'mapping' must be an object { … }, but is the string \"ma_dv\".")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "mapping": { "unit": 3 } } ] }""", "(1,69)", "/sources/0/mapping/unit", "'unit' must be a string in double quotes, but is the number 3.")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "options": [] } ] }""", "(1,59)", "/sources/0/options", "'options' must be an object { … }, but is an array.")]
    [InlineData("""{ "sources": [ { "name": "a", "type": "fixed", "path": "" } ] }""", "(1,56)", "/sources/0/path", "'path' must not be empty.")]
    [InlineData("""{ "sources": [ { "name": "a", "name": "b", "type": "fixed" } ] }""", "(1,31)", "/sources/0/name", "Property 'name' occurs more than once in the same object")]
    public void Validate_WrongCommonSetting_IsLocatedWithAFix(string json, string location, string pointer, string message)
    {
        var factory = new FixedFactory();

        var problem = Assert.Single(new DataSourceCatalog([factory]).Validate(json, "sources.json", Workspace));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(pointer, problem.Pointer);
        Assert.Equal(location, $"({problem.Line},{problem.Column})");
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, factory.Calls); // a source whose common settings are wrong is not given to its factory
    }

    [Fact]
    public void Validate_MisspeltSources_SaysBothThatItIsMissingAndWhatWasMeant()
    {
        var problems = new DataSourceCatalog([]).Validate("""{ "source": [] }""", "sources.json", Workspace);

        Assert.Equal(
            [
                "sources.json(1,1): error at /sources: A BRVT.Dti data source configuration needs 'sources'. Add \"sources\": [ … ].",
                "sources.json(1,3): error at /source: Property 'source' is not part of a BRVT.Dti data source configuration. Did you mean 'sources'? Remove it or check its spelling (allowed: $schema, $comment, sources).",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Validate_FactoryProblem_IsLocatedAtTheSettingItNames()
    {
        const string json = """
            { "sources": [
              { "name": "a", "type": "fixed",
                "path": "../outside.csv" } ] }
            """;

        var problem = Assert.Single(new DataSourceCatalog([new FixedFactory()]).Validate(json, "ws/sources.json", Workspace));

        Assert.Equal("/sources/0/path", problem.Pointer);
        Assert.Equal((3, 13), (problem.Line, problem.Column));
        Assert.StartsWith("The path '../outside.csv' leads outside the workspace folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FactoryThrowsSomethingElse_IsReportedAsThePluginsDefect()
    {
        var problem = Assert.Single(new DataSourceCatalog([new BrokenFactory()]).Validate(
            """{ "sources": [ { "name": "a", "type": "broken" } ] }""", "sources.json", Workspace));

        Assert.Equal("/sources/0", problem.Pointer);
        Assert.Contains("The factory of source type 'broken'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", problem.Message, StringComparison.Ordinal);
        Assert.Contains("defect of the plugin that provides 'broken'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSourceTypeRegistered_SaysHowToAddOne()
    {
        var problem = Assert.Single(new DataSourceCatalog([]).Validate("""{ "sources": [ { "name": "a", "type": "csv" } ] }""", "sources.json", Workspace));

        Assert.Equal("/sources/0/type", problem.Pointer);
        Assert.Contains("no source type is registered", problem.Message, StringComparison.Ordinal);
        Assert.Contains("plugins folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreWarningsThatDoNotStopIt()
    {
        const string json = """
            { "sources": [
              // the dossier export
              { "name": "a", "type": "fixed", },
            ] }
            """;
        var catalog = new DataSourceCatalog([new FixedFactory()]);

        var problems = catalog.Validate(json, "sources.json", Workspace);

        Assert.All(problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Equal(3, problems.Count);
        Assert.Equal((2, 3), (problems[0].Line, problems[0].Column));
        Assert.Single(catalog.Parse(json, "sources.json", Workspace));
    }

    [Theory]
    [InlineData("{ \"sources\": [ }", "(1,16)", "The text is not valid JSON")]
    [InlineData("{ \"sources\": [", "(1,15)", "The file ends before the JSON is complete")]
    [InlineData("", "(1,1)", "The file is empty (or holds only comments). A sources.json is a JSON object")]
    public void Parse_NotJson_SaysWhere(string json, string location, string message)
    {
        var exception = Assert.Throws<DataSourceConfigurationException>(() => new DataSourceCatalog([]).Parse(json, "sources.json", "."));

        Assert.Contains("sources.json" + location + ": error at ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysItCouldNotBeRead()
    {
        var path = Path.Combine(Workspace, "no-such-folder-" + Guid.NewGuid().ToString("N"), "sources.json");

        var exception = Assert.Throws<DataSourceConfigurationException>(() => new DataSourceCatalog([]).Load(path));

        Assert.Equal(path, exception.File);
        Assert.Contains("could not be read", exception.Message, StringComparison.Ordinal);
    }

    private sealed class FixedFactory : IDataSourceFactory
    {
        public int Calls { get; private set; }

        public string Type => "fixed";

        public IDataSource Create(DataSourceConfiguration configuration)
        {
            Calls++;
            if (configuration.Settings.TryGetProperty("path", out var path))
            {
                configuration.ResolvePath(path.GetString()!, "path");
            }

            return new Fixed($"{configuration.Name}@{configuration.Pointer}");
        }
    }

    private sealed class BrokenFactory : IDataSourceFactory
    {
        public string Type => "broken";

        public IDataSource Create(DataSourceConfiguration configuration) => throw new NullReferenceException("Object reference not set.");
    }

    private sealed class Fixed(string name) : IDataSource
    {
        public string Name => name;

        public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new SourceReadResult([], new SourceAccount(name, 0, 0, [])));
    }
}
