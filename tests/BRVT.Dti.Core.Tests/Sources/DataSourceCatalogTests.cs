using BRVT.Dti.Data;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Tests.Sources;

public sealed class DataSourceCatalogTests
{
    [Fact]
    public void Parse_KnownTypes_CreatesSourcesWithTheirPointers()
    {
        var catalog = new DataSourceCatalog([new FixedFactory()]);
        var sources = catalog.Parse("""{ "sources": [ { "name": "a", "type": "fixed" }, { "name": "b", "type": "fixed" } ] }""", "sources.json", Path.GetTempPath());
        Assert.Equal(["a@/sources/0", "b@/sources/1"], sources.Select(s => s.Name));
    }

    [Fact]
    public void Parse_EveryProblem_IsListedWithItsPointer()
    {
        var catalog = new DataSourceCatalog([new FixedFactory()]);
        var exception = Assert.Throws<DataSourceConfigurationException>(() => catalog.Parse(
            """{ "sources": [ { "name": "a", "type": "fixd" }, { "type": "fixed" }, { "name": "c", "type": "fixed", "path": "../../x.csv" }, { "name": "c", "type": "fixed" } ] }""",
            "sources.json",
            Path.GetTempPath()));
        Assert.Contains("sources.json at /sources/0/type: unknown source type 'fixd'. Use one of: fixed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/1:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/2/path: The path '../../x.csv' leads outside the workspace", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at /sources/3/name: the name 'c' is used twice", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        var exception = Assert.Throws<DataSourceConfigurationException>(() => new DataSourceCatalog([]).Parse("{ \"sources\": [ }", "sources.json", "."));
        Assert.Contains("line 1", exception.Message, StringComparison.Ordinal);
    }

    private sealed class FixedFactory : IDataSourceFactory
    {
        public string Type => "fixed";

        public IDataSource Create(DataSourceConfiguration configuration)
        {
            if (configuration.Settings.TryGetProperty("path", out var path))
            {
                configuration.ResolvePath(path.GetString()!, "path");
            }

            return new Fixed($"{configuration.Name}@{configuration.Pointer}");
        }
    }

    private sealed class Fixed(string name) : IDataSource
    {
        public string Name => name;

        public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new SourceReadResult([], new SourceAccount(name, 0, 0, [])));
    }
}
