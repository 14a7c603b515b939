using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BRVT.Dti.Compilation;
using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring;
using BRVT.Dti.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BRVT.Dti;

/// <summary>
/// The entry point of the scoring core: loads index definitions (schema and semantic validation, every problem located
/// by file, line, column and JSON pointer) and compiles them into <see cref="ScoringPlan"/>s.
/// Create one with <c>new DtiEngine()</c>, or take it from dependency injection after <c>services.AddDti()</c>.
/// </summary>
/// <remarks>Thread-safe; create one per process and reuse it.</remarks>
public sealed partial class DtiEngine
{
    private readonly RuleRegistry rules;
    private readonly DtiLimits limits;
    private readonly ILogger logger;

    /// <summary>Creates an engine with the built-in rules and default limits.</summary>
    public DtiEngine()
        : this([], null, null)
    {
    }

    /// <summary>Creates an engine.</summary>
    /// <param name="rules">Scoring rules to add to the built-in ones (plugins' rules).</param>
    /// <param name="limits">Limits on what definitions may contain; <see cref="DtiLimits.Default"/> when null.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    /// <exception cref="InvalidOperationException">Two rules share a name, or a rule has none.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public DtiEngine(IEnumerable<IScoringRule> rules, DtiLimits? limits = null, ILogger<DtiEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.limits = limits ?? DtiLimits.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.limits.MaxDefinitionBytes, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.limits.MaxJsonDepth, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.limits.MaxNodes, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.limits.MaxTreeDepth, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.limits.MaxUnits, nameof(limits));
        this.rules = new RuleRegistry(rules, this.limits.Formula);
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The names of the scoring rules this engine knows.</summary>
    public IEnumerable<string> RuleNames => rules.Names;

    /// <summary>Reads, validates and compiles a definition file. Never throws for a bad definition: problems are returned.</summary>
    /// <param name="path">The path of the <c>index.json</c> file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The definition, its plan and every problem found.</returns>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public async Task<DefinitionLoadResult> LoadDefinitionFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > limits.MaxDefinitionBytes)
            {
                return Failed(path, $"The file is {info.Length} bytes, over the limit of {limits.MaxDefinitionBytes} bytes (DtiLimits.MaxDefinitionBytes). Split the definition or raise the limit.");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Failed(path, $"The file could not be read: {exception.Message} Check the path and that the file is readable.");
        }

        return LoadDefinition(bytes, path);
    }

    /// <summary>Validates and compiles a definition from its JSON text. Never throws for a bad definition: problems are returned.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in problem locations.</param>
    /// <returns>The definition, its plan and every problem found.</returns>
    public DefinitionLoadResult LoadDefinition(string json, string file = "index.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        return LoadDefinition(Encoding.UTF8.GetBytes(json), file);
    }

    /// <summary>Validates and compiles a definition from its UTF-8 bytes (a BOM is allowed). Never throws for a bad definition.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of the JSON text.</param>
    /// <param name="file">The file name used in problem locations.</param>
    /// <returns>The definition, its plan and every problem found.</returns>
    public DefinitionLoadResult LoadDefinition(ReadOnlySpan<byte> utf8Json, string file = "index.json")
    {
        ArgumentNullException.ThrowIfNull(file);
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Length > limits.MaxDefinitionBytes)
        {
            return Failed(file, $"The definition is {utf8Json.Length} bytes, over the limit of {limits.MaxDefinitionBytes} bytes (DtiLimits.MaxDefinitionBytes). Split it or raise the limit.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8Json);
        }
        catch (DecoderFallbackException)
        {
            return Failed(file, "The file is not valid UTF-8. Save it as UTF-8 (with or without BOM).");
        }

        var locations = JsonLocationMap.Create(utf8Json);
        var sink = new ProblemSink(file, locations);
        sink.AddRange(SchemaValidator.Default.Validate(text, file));
        if (sink.HasErrors)
        {
            return Finish(sink, null, null, file);
        }

        // A number too large for a double (1e400) reads as infinity, which nothing downstream can score or write back.
        ReportNonFiniteNumbers(text, sink);
        if (sink.HasErrors)
        {
            return Finish(sink, null, null, file);
        }

        IndexDefinition definition;
        try
        {
            // Read as the schema layer does: comments and trailing commas were reported there as warnings.
            var options = new JsonSerializerOptions(DefinitionJson.Options)
            {
                MaxDepth = limits.MaxJsonDepth,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            definition = JsonSerializer.Deserialize<IndexDefinition>(text, options)
                ?? throw new JsonException("The document is null, not an index definition.");
        }
        catch (JsonException exception)
        {
            var pointer = PointerOf(exception.Path);
            sink.Error(pointer, $"The definition could not be read: {exception.Message} Correct the value at {(pointer.Length == 0 ? "the top level" : pointer)}.");
            return Finish(sink, null, null, file);
        }

        return Compile(definition, sink, file);
    }

    /// <summary>
    /// Validates and compiles a definition built in code. Problems carry JSON pointers but no line numbers, since there
    /// is no file. Never throws for a bad definition.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The definition, its plan and every problem found.</returns>
    public DefinitionLoadResult Compile(IndexDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        const string file = "(in memory)";
        var sink = new ProblemSink(file, null);

        // A definition built in code must also satisfy the schema: check its canonical JSON.
        var json = DefinitionJson.Serialize(definition);
        sink.AddRange(SchemaValidator.Default.Validate(json, file).Select(p => p with { Line = 0, Column = 0 }));
        return sink.HasErrors ? Finish(sink, definition, null, file) : Compile(definition, sink, file);
    }

    private DefinitionLoadResult Compile(IndexDefinition definition, ProblemSink sink, string file)
    {
        // The compiler runs even after semantic errors, so that every rule's own problems are reported at once too;
        // it is robust to an invalid structure and returns no plan when any error was reported.
        new SemanticValidator(rules, limits.Formula, limits).Validate(definition, sink);
        string canonical;
        try
        {
            canonical = DefinitionJson.Serialize(definition);
        }
        catch (ArgumentException)
        {
            // Only a number that is not finite (NaN, infinity) cannot be written back; files are checked before this.
            sink.Error(string.Empty, "The definition holds a number that is not finite (NaN or infinity). Write every number as a finite decimal.");
            return Finish(sink, definition, null, file);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var plan = new DefinitionCompiler(rules, limits).Compile(definition, hash, sink);
        return Finish(sink, definition, plan, file);
    }

    private DefinitionLoadResult Finish(ProblemSink sink, IndexDefinition? definition, ScoringPlan? plan, string file)
    {
        var problems = sink.Sorted();
        if (plan is null)
        {
            LogRejected(logger, file, problems.Count(p => p.Severity == ProblemSeverity.Error));
        }
        else
        {
            LogCompiled(logger, definition!.Id, definition.Version, plan.Leaves.Length, problems.Count);
        }

        return new DefinitionLoadResult { Definition = definition, Plan = plan, Problems = problems };
    }

    /// <summary>Reports, at its location, every number whose value overflows a double (it would read as infinity).</summary>
    private void ReportNonFiniteNumbers(string text, ProblemSink sink)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return; // reading the definition reports it, with its location
        }

        using (document)
        {
            var pending = new Stack<(JsonElement Element, string Pointer)>();
            pending.Push((document.RootElement, string.Empty));
            while (pending.Count > 0)
            {
                var (element, pointer) = pending.Pop();
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            pending.Push((property.Value, JsonPointer.Append(pointer, property.Name)));
                        }

                        break;
                    case JsonValueKind.Array:
                        var index = 0;
                        foreach (var item in element.EnumerateArray())
                        {
                            pending.Push((item, JsonPointer.Append(pointer, index++)));
                        }

                        break;
                    case JsonValueKind.Number when !double.IsFinite(double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)):
                        sink.Error(pointer, $"The number {element.GetRawText()} is too large to compute with (over about 1.8e308). Write a finite value.");
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private static DefinitionLoadResult Failed(string file, string message) =>
        new() { Problems = [new DefinitionProblem(ProblemSeverity.Error, file, 1, 1, string.Empty, message)] };

    /// <summary>Turns a System.Text.Json path such as <c>$.nodes[0].name</c> into a JSON pointer.</summary>
    private static string PointerOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var part in path.TrimStart('$').Split(['.', '['], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = part.TrimEnd(']').Trim('\'');
            builder.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled index {IndexId} {Version}: {Leaves} leaves, {Problems} warnings")]
    private static partial void LogCompiled(ILogger logger, string indexId, string version, int leaves, int problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Definition {File} was rejected with {Errors} errors")]
    private static partial void LogRejected(ILogger logger, string file, int errors);
}
