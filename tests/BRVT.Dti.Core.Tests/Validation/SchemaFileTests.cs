using System.Text.Json.Nodes;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

/// <summary>Checks of the schema file itself: it is the embedded one, it is draft-07, and editors get a description of every property.</summary>
public sealed class SchemaFileTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(SchemaPath()))!.AsObject());

    private static readonly string[] Combinators = ["oneOf", "anyOf", "allOf", "not"];

    [Fact]
    public void EmbeddedSchema_IsTheFileInTheRepository()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(SchemaValidator.SchemaResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        Assert.Equal(File.ReadAllText(SchemaPath()), reader.ReadToEnd());
    }

    [Fact]
    public async Task GetSchemaAsync_EmbeddedSchema_LoadsOnceWithItsTitle()
    {
        var first = await SchemaValidator.GetSchemaAsync();
        var second = await SchemaValidator.GetSchemaAsync();

        Assert.Same(first, second);
        Assert.Equal("BRVT.Dti index definition", first.Title);
    }

    [Fact]
    public void Schema_TopLevel_IsDraft07WithIdTitleAndDescription()
    {
        var schema = Schema.Value;

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["$id"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]));
        Assert.Contains("$schema", schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Schema_EveryProperty_HasADescription()
    {
        var missing = new List<string>();
        Walk(Schema.Value, "#", inCombinator: false, (path, obj, inCombinator) =>
        {
            // Branches of oneOf/anyOf/allOf/not only narrow properties described in their schema.
            if (!inCombinator && obj["properties"] is JsonObject properties)
            {
                missing.AddRange(properties
                    .Where(p => p.Key != "$comment" && p.Value is JsonObject property && property["description"] is null)
                    .Select(p => path + "/properties/" + p.Key));
            }
        });

        Assert.Empty(missing);
    }

    [Fact]
    public void Schema_EveryClosedObject_AllowsComment()
    {
        var closed = new List<string>();
        Walk(Schema.Value, "#", inCombinator: false, (path, obj, _) =>
        {
            if (obj["additionalProperties"] is JsonValue value && value.GetValue<bool>() == false)
            {
                closed.Add(path);
                Assert.True(obj["properties"]?.AsObject().ContainsKey("$comment") == true, path + " does not allow $comment.");
            }
        });

        // The root, text, scale, group, measure, derivation, node, 7 built-in rules, 2 kinds of rule bands, view, band, ranking.
        Assert.True(closed.Count >= 19, $"Only {closed.Count} closed objects.");
    }

    [Fact]
    public void Schema_PluginRule_AcceptsAnyProperties()
    {
        var plugin = Schema.Value["definitions"]!["pluginRule"]!.AsObject();

        Assert.False(plugin.ContainsKey("additionalProperties"));
    }

    private static void Walk(JsonNode? node, string path, bool inCombinator, Action<string, JsonObject, bool> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                visit(path, obj, inCombinator);

                foreach (var (key, child) in obj)
                {
                    Walk(child, path + "/" + key, inCombinator || Combinators.Contains(key), visit);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], path + "/" + i, inCombinator, visit);
                }

                break;
        }
    }

    private static string SchemaPath() =>
        Path.Combine(TestDefinitions.RepositoryRoot(), "indicators", "schema", "index-definition.schema.json");
}
