using System.Text.Json.Nodes;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

/// <summary>Checks of indicators/schema/sources.schema.json: embedded as is, draft-07, described, strict where common and open for each type.</summary>
public sealed class SourcesSchemaFileTests
{
    private static readonly Lazy<JsonObject> Schema = new(() => JsonNode.Parse(File.ReadAllText(SchemaPath()))!.AsObject());

    [Fact]
    public void EmbeddedSchema_IsTheFileInTheRepository()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(SchemaValidator.SourcesSchemaResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var file = File.ReadAllText(SchemaPath());

        Assert.Equal(file, reader.ReadToEnd());
        Assert.Equal(file, SourcesSchema.Text);
        Assert.Equal(SourcesSchema.ResourceName, SchemaValidator.SourcesSchemaResourceName);
    }

    [Fact]
    public async Task GetOwnSchemaAsync_SourcesValidator_LoadsOnceWithItsTitle()
    {
        var first = await SchemaValidator.Sources.GetOwnSchemaAsync();
        var second = await SchemaValidator.Sources.GetOwnSchemaAsync();

        Assert.Same(first, second);
        Assert.Equal("BRVT.Dti data source configuration", first.Title);
        Assert.NotSame(first, await SchemaValidator.GetSchemaAsync());
    }

    [Fact]
    public void Schema_TopLevel_IsDraft07ClosedWithIdTitleAndDescription()
    {
        var schema = Schema.Value;

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.Equal("urn:brvt-dti:schema:sources:1", (string?)schema["$id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["$schema", "$comment", "sources"], schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Schema_Source_IsOpenForTypeSettingsAndTypesTheCommonOnes()
    {
        var source = Schema.Value["definitions"]!["source"]!.AsObject();

        Assert.True(source["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["name", "type"], source["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(
            ["$comment", "name", "type", "description", "path", "location", "url", "period", "stage", "mapping", "options"],
            source["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Schema_EveryProperty_HasADescription()
    {
        var missing = new List<string>();
        Walk(Schema.Value, "#", (path, obj) =>
        {
            if (obj["properties"] is JsonObject properties)
            {
                missing.AddRange(properties
                    .Where(p => p.Key != "$comment" && p.Value is JsonObject property && property["description"] is null)
                    .Select(p => path + "/properties/" + p.Key));
            }
        });

        Assert.Empty(missing);
    }

    private static void Walk(JsonNode? node, string path, Action<string, JsonObject> visit)
    {
        if (node is JsonObject obj)
        {
            visit(path, obj);
            foreach (var (key, child) in obj)
            {
                Walk(child, path + "/" + key, visit);
            }
        }
    }

    private static string SchemaPath() =>
        Path.Combine(TestDefinitions.RepositoryRoot(), "indicators", "schema", "sources.schema.json");
}
