using BRVT.Dti.Validation;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace BRVT.Dti.Tests.Validation;

public sealed class SchemaPathConverterTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("#", "")]
    [InlineData("#/", "")]
    [InlineData("#/id", "/id")]
    [InlineData("#/nodes[0].children[2].weight", "/nodes/0/children/2/weight")]
    [InlineData("#/nodes[0].name.vi", "/nodes/0/name/vi")]
    [InlineData("#/bands[3]", "/bands/3")]
    [InlineData("#/[1][0]", "/1/0")]
    [InlineData("nodes[10].rule", "/nodes/10/rule")]
    [InlineData("#/units.a~b", "/units/a~0b")]
    [InlineData("#/x/y", "/x~1y")]
    public void ToPointer_NJsonSchemaPath_ReturnsTheJsonPointer(string? path, string expected)
    {
        Assert.Equal(expected, SchemaPathConverter.ToPointer(path));
    }

    [Theory]
    [InlineData("#/['a.b'].c", "/a.b/c")]
    [InlineData("#/nodes[0]['name with spaces']", "/nodes/0/name with spaces")]
    [InlineData("#/['it\\'s'][2]", "/it's/2")]
    [InlineData("#/[\"q\"].r", "/q/r")]
    [InlineData("#/a[key]", "/a/key")]
    public void ToPointer_BracketedNames_AreOneSegment(string path, string expected)
    {
        Assert.Equal(expected, SchemaPathConverter.ToPointer(path));
    }

    [Fact]
    public void ToPointer_DottedNameWithoutTheDocument_IsSplitAtEveryDot()
    {
        Assert.Equal("/a/b/c", SchemaPathConverter.ToPointer("#/a.b.c"));
    }

    [Fact]
    public void ToPointer_DottedNameWithTheDocument_KeepsTheExistingProperty()
    {
        var document = JObject.Parse("""{ "a.b": { "c": 1 }, "x": { "y.z[0]": [ { "w": 1 } ] } }""");

        Assert.Equal("/a.b/c", SchemaPathConverter.ToPointer("#/a.b.c", document));
        Assert.Equal("/x/y.z[0]/0/w", SchemaPathConverter.ToPointer("#/x.y.z[0][0].w", document));
    }

    [Fact]
    public void ToPointer_MissingLastPropertyWithTheDocument_KeepsItsWholeName()
    {
        var document = JObject.Parse("""{ "nodes": [ { "id": "1" } ] }""");

        Assert.Equal("/nodes/0/max.points", SchemaPathConverter.ToPointer("#/nodes[0].max.points", document));
        Assert.Equal("/nodes/0/name", SchemaPathConverter.ToPointer("#/nodes[0].name", document));
    }

    [Fact]
    public void ToPointer_UnterminatedBracket_DoesNotThrow()
    {
        Assert.Equal("/a/[1", SchemaPathConverter.ToPointer("#/a[1"));
        Assert.Equal("/a/b", SchemaPathConverter.ToPointer("#/a['b"));
    }

    [Fact]
    public async Task ToPointer_PathsOfRealValidationErrors_MatchThePointersOfTheirTokens()
    {
        var schema = await SchemaValidator.GetSchemaAsync();
        var text = TestDefinitions.ValidSmallWith("\"weight\": 2,", "\"wieght\": 2, \"odd.name\": 1,")
            .Replace("\"half\": false", "\"half\": \"no\", \"x.y\": 1", StringComparison.Ordinal)
            .Replace("\"maxPoints\": 30,", "\"maxPoints\": -1,", StringComparison.Ordinal)
            .Replace("\"name\": \"Tổng số hồ sơ tiếp nhận\",", string.Empty, StringComparison.Ordinal);
        var root = JToken.Parse(text);

        var errors = Leaves(schema.Validate(root)).Where(e => e.Token is not null).ToList();

        Assert.True(errors.Count >= 6, $"Only {errors.Count} errors.");
        Assert.All(errors, error =>
        {
            var expected = SchemaMessages.PointerOf(error.Token!);
            if (error.Kind == ValidationErrorKind.PropertyRequired)
            {
                expected = JsonPointer.Append(expected, error.Property!);
            }

            Assert.Equal(expected, SchemaPathConverter.ToPointer(error.Path, root));
        });
    }

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            if (error is ChildSchemaValidationError child)
            {
                foreach (var inner in Leaves(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
        }
    }
}
