using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace BRVT.Dti.Validation;

/// <summary>
/// Checks the text of a JSON document against one of the embedded JSON Schemas: an index definition
/// (<c>indicators/schema/index-definition.schema.json</c>, <see cref="Default"/>) or a workspace's <c>sources.json</c>
/// (<c>indicators/schema/sources.schema.json</c>, <see cref="Sources"/>), and reports every problem with its file, line,
/// column, JSON pointer and a message that says how to fix it.
/// </summary>
/// <remarks>
/// <para>
/// The text is read as the definition reader reads it: comments are skipped and trailing commas allowed, but each is
/// reported as a warning because editors and other tools reject them. A property that occurs twice in an object is an
/// error. Text that is not JSON gives exactly one error, at the syntax error, and is not checked further.
/// </para>
/// <para>
/// Only what the schema expresses is checked here (properties, types, required properties, enumerations, ranges,
/// patterns, the parameters of built-in rules). Rule types added by plugins pass; unique ids, references, points that
/// add up and formulas are checked by the semantic validation. In <c>sources.json</c>, the common settings of a source
/// are checked here, its type-specific settings by the factory of its type.
/// </para>
/// <para>
/// Each schema is loaded from the assembly once, lazily, and shared; the validators are thread-safe. Validation never
/// throws for any text; problems are sorted by line, then column.
/// </para>
/// </remarks>
internal sealed class SchemaValidator
{
    /// <summary>The logical name of the embedded schema resource of index definitions.</summary>
    public const string SchemaResourceName = "BRVT.Dti.index-definition.schema.json";

    /// <summary>The logical name of the embedded schema resource of <c>sources.json</c>.</summary>
    public const string SourcesSchemaResourceName = "BRVT.Dti.sources.schema.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = JsonLocationMap.ReaderOptions.MaxDepth,
    };

    private readonly Lazy<Task<JsonSchema>> embeddedSchema;
    private readonly string resourceName;
    private readonly string emptyMessage;
    private readonly string reference;

    private SchemaValidator(string resourceName, string emptyMessage, string reference)
    {
        this.resourceName = resourceName;
        this.emptyMessage = emptyMessage;
        this.reference = reference;
        embeddedSchema = new(() => Task.Run(LoadEmbeddedSchemaAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The shared validator of index definitions.</summary>
    public static SchemaValidator Default { get; } = new(
        SchemaResourceName,
        "The file is empty (or holds only comments). An index definition is a JSON object: "
            + "{ \"id\": \"…\", \"version\": \"…\", \"title\": \"…\", \"scale\": { \"maxPoints\": 1000 }, \"nodes\": [ … ] }.",
        "docs/definition-format.md");

    /// <summary>The shared validator of a workspace's <c>sources.json</c>.</summary>
    public static SchemaValidator Sources { get; } = new(
        SourcesSchemaResourceName,
        "The file is empty (or holds only comments). A sources.json is a JSON object: "
            + "{ \"sources\": [ { \"name\": \"…\", \"type\": \"csv\", \"path\": \"data/….csv\", … } ] }.",
        "docs/plugins.md and the documentation of the source type");

    /// <summary>Gets the embedded schema of index definitions, loading it on first use.</summary>
    public static Task<JsonSchema> GetSchemaAsync() => Default.embeddedSchema.Value;

    /// <summary>Gets this validator's embedded schema, loading it on first use.</summary>
    public Task<JsonSchema> GetOwnSchemaAsync() => embeddedSchema.Value;

    /// <summary>Validates a document, waiting for the schema to load on first use.</summary>
    /// <param name="text">The document's JSON text; <see langword="null"/> is read as empty.</param>
    /// <param name="file">The file name to report problems in.</param>
    /// <returns>The problems, sorted by line and column; empty when the text matches the schema.</returns>
    public IReadOnlyList<DefinitionProblem> Validate(string? text, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var map = JsonLocationMap.FromText(text);
        if (map.SyntaxError is not null)
        {
            return [SyntaxProblem(map, file)];
        }

        // The schema is loaded on the thread pool (Task.Run) without I/O, so waiting for it cannot deadlock.
        var schema = embeddedSchema.Value.GetAwaiter().GetResult();
        return Check(schema, map, file);
    }

    /// <summary>Validates a document already read into a location map, waiting for the schema to load on first use.</summary>
    /// <param name="map">The document's location map (which also holds its text).</param>
    /// <param name="file">The file name to report problems in.</param>
    /// <returns>The problems, sorted by line and column; empty when the document matches the schema.</returns>
    public IReadOnlyList<DefinitionProblem> Validate(JsonLocationMap map, string file)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(file);
        if (map.SyntaxError is not null)
        {
            return [SyntaxProblem(map, file)];
        }

        var schema = embeddedSchema.Value.GetAwaiter().GetResult();
        return Check(schema, map, file);
    }

    /// <summary>Validates a document.</summary>
    /// <param name="text">The document's JSON text; <see langword="null"/> is read as empty.</param>
    /// <param name="file">The file name to report problems in.</param>
    /// <param name="cancellationToken">Cancels waiting for the schema to load.</param>
    /// <returns>The problems, sorted by line and column; empty when the text matches the schema.</returns>
    public async Task<IReadOnlyList<DefinitionProblem>> ValidateAsync(string? text, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var map = JsonLocationMap.FromText(text);
        if (map.SyntaxError is not null)
        {
            return [SyntaxProblem(map, file)];
        }

        var schema = await embeddedSchema.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Check(schema, map, file);
    }

    private async Task<JsonSchema> LoadEmbeddedSchemaAsync()
    {
        var assembly = typeof(SchemaValidator).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{resourceName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync().ConfigureAwait(false);
        return await JsonSchema.FromJsonAsync(json).ConfigureAwait(false);
    }

    private List<DefinitionProblem> Check(JsonSchema schema, JsonLocationMap map, string file)
    {
        JToken root;
        try
        {
            using var document = JsonDocument.Parse(map.Utf8, DocumentOptions);
            root = ToToken(document.RootElement);
        }
        catch (JsonException exception)
        {
            // The map read the same text with the same options, so this is not expected.
            return [new DefinitionProblem(ProblemSeverity.Error, file, 1, 1, JsonPointer.Root, "The text could not be read as JSON: " + exception.Message)];
        }

        var problems = new List<DefinitionProblem>();
        var errors = schema.Validate(root);
        var schemaProblems = SchemaErrorFlattener.Flatten(errors);
        if (schemaProblems.Count == 0 && errors.Count > 0)
        {
            // Flattening leaves a check to another one (a wrong discriminator to the check of its value); never lose a failure.
            var first = errors.First();
            schemaProblems.Add(new SchemaProblem(
                first.Token is null ? SchemaPathConverter.ToPointer(first.Path, root) : SchemaMessages.PointerOf(first.Token),
                "The value does not match the schema. Check it against " + reference + "."));
        }

        foreach (var problem in schemaProblems)
        {
            var location = problem.AtName ? map.LocateName(problem.Pointer) : map.Locate(problem.Pointer);
            problems.Add(new DefinitionProblem(ProblemSeverity.Error, file, location.Line, location.Column, problem.Pointer, problem.Message));
        }

        foreach (var duplicate in map.DuplicateProperties)
        {
            var name = JsonPointer.LastSegment(duplicate.Pointer);
            problems.Add(new DefinitionProblem(
                ProblemSeverity.Error, file, duplicate.Location.Line, duplicate.Location.Column, duplicate.Pointer,
                $"Property '{name}' occurs more than once in the same object; only the last value would be used. Remove the duplicate."));
        }

        if (map.Comments.Count > 0)
        {
            var comment = map.Comments[0];
            var more = map.Comments.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $" (this is the first of {map.Comments.Count} comments)")
                : string.Empty;
            problems.Add(new DefinitionProblem(
                ProblemSeverity.Warning, file, comment.Location.Line, comment.Location.Column, comment.Pointer,
                $"Comments (// or /* */) are not standard JSON{more}: BRVT.Dti skips them, but editors and other JSON tools may reject the file. Put notes in a \"$comment\" property instead."));
        }

        foreach (var comma in map.TrailingCommas)
        {
            problems.Add(new DefinitionProblem(
                ProblemSeverity.Warning, file, comma.Location.Line, comma.Location.Column, comma.Pointer,
                "A comma before a closing bracket is not standard JSON: BRVT.Dti accepts it, but editors and other JSON tools may reject the file. Remove the comma."));
        }

        return Sort(problems);
    }

    private DefinitionProblem SyntaxProblem(JsonLocationMap map, string file)
    {
        var error = map.SyntaxError!;
        string message;
        var location = error.Location;
        if (error.Message == JsonLocationMap.NoValueMessage)
        {
            location = JsonLocation.Start;
            message = emptyMessage;
        }
        else if (error.SaysHowToFix)
        {
            message = error.Message;
        }
        else if (error.IsAtEnd)
        {
            message = "The file ends before the JSON is complete (" + error.Message + "). "
                + "Close every open object and array with '}' or ']', and check that the file was saved completely.";
        }
        else
        {
            message = "The text is not valid JSON: " + error.Message + " "
                + "Fix the syntax at this position; a missing comma, colon, quote or bracket is the usual cause.";
        }

        return new DefinitionProblem(ProblemSeverity.Error, file, location.Line, location.Column, error.Pointer, message);
    }

    private static List<DefinitionProblem> Sort(List<DefinitionProblem> problems) => problems
        .Distinct()
        .OrderBy(p => p.Line)
        .ThenBy(p => p.Column)
        .ThenBy(p => p.Severity)
        .ThenBy(p => p.Pointer, StringComparer.Ordinal)
        .ThenBy(p => p.Message, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Converts a System.Text.Json element into the Json.NET token NJsonSchema validates. Numbers keep their kind:
    /// integers that fit in 64 bits stay integers, larger ones are clamped to the 64-bit range (still integers, and far
    /// outside every bound of the schema), others become doubles clamped to the finite range.
    /// </summary>
    private static JToken ToToken(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var obj = new JObject();
                foreach (var property in element.EnumerateObject())
                {
                    // A duplicate replaces the earlier value, as readers that keep the last value do; the map reports it.
                    obj[property.Name] = ToToken(property.Value);
                }

                return obj;
            }

            case JsonValueKind.Array:
            {
                var array = new JArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToToken(item));
                }

                return array;
            }

            case JsonValueKind.String:
                return new JValue(element.GetString());
            case JsonValueKind.Number:
                return ToNumber(element);
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            default:
                return JValue.CreateNull();
        }
    }

    private static JValue ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var integer))
        {
            return new JValue(integer);
        }

        var raw = element.GetRawText();
        var isIntegral = raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        if (isIntegral)
        {
            return new JValue(raw.StartsWith('-') ? long.MinValue : long.MaxValue);
        }

        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new JValue(Math.Clamp(value, double.MinValue, double.MaxValue));
    }
}
