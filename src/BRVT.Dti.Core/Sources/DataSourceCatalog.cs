using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Sources;

/// <summary>
/// Knows the data source factories (one per source type) and creates a workspace's sources from its
/// <c>sources.json</c>: <c>{ "sources": [ { "name": "…", "type": "csv", … }, … ] }</c>. The file is checked as index
/// definitions are: against the embedded JSON Schema (<see cref="SourcesSchema"/>: the settings every source shares),
/// then for unique names and known types, then by each source type's factory (its own settings). Every problem names
/// the file, the line and column, the JSON pointer, and says how to fix it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DataSourceCatalog
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = JsonLocationMap.ReaderOptions.MaxDepth,
    };

    private readonly Dictionary<string, IDataSourceFactory> factories = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog.</summary>
    /// <param name="factories">The factories; two with the same type are a configuration error.</param>
    /// <exception cref="InvalidOperationException">Two factories share a type.</exception>
    public DataSourceCatalog(IEnumerable<IDataSourceFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        foreach (var factory in factories)
        {
            if (this.factories.TryGetValue(factory.Type, out var existing) && existing.GetType() != factory.GetType())
            {
                throw new InvalidOperationException($"Two data source factories have the type '{factory.Type}': {existing.GetType().FullName} and {factory.GetType().FullName}. Remove one of the plugins.");
            }

            this.factories[factory.Type] = factory;
        }
    }

    /// <summary>The source types known.</summary>
    public IEnumerable<string> Types => factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads a <c>sources.json</c> and creates its sources; paths in it resolve against its folder.</summary>
    /// <param name="path">The configuration file.</param>
    /// <returns>The sources, in file order.</returns>
    /// <exception cref="DataSourceConfigurationException">The file is missing or wrong; the message lists every problem with its line, column and JSON pointer.</exception>
    public IReadOnlyList<IDataSource> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceConfigurationException(path, string.Empty, $"The file could not be read: {exception.Message}");
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Creates sources from the text of a <c>sources.json</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="baseDirectory">The workspace folder relative paths resolve against.</param>
    /// <returns>The sources, in file order.</returns>
    /// <exception cref="DataSourceConfigurationException">
    /// The configuration has errors; the message lists every one as <c>file(line,column): error at /pointer: how to fix it</c>
    /// (warnings, such as comments in the file, do not stop it: see <see cref="Validate"/>).
    /// </exception>
    public IReadOnlyList<IDataSource> Parse(string json, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var (sources, problems) = Read(json, file, baseDirectory);
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new DataSourceConfigurationException(file, errors.Count == 1 ? errors[0].Pointer : string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{errors.Count} problem(s) in the data source configuration:") +
                Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return sources;
    }

    /// <summary>
    /// Checks the text of a <c>sources.json</c> as <see cref="Parse"/> does (schema, names and types, each factory's
    /// settings) and returns every problem, errors and warnings, without throwing.
    /// </summary>
    /// <param name="json">The JSON text; <see langword="null"/> is read as empty.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="baseDirectory">The workspace folder relative paths resolve against.</param>
    /// <returns>The problems, sorted by line and column; empty when the configuration is right.</returns>
    public IReadOnlyList<DefinitionProblem> Validate(string? json, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return Read(json, file, baseDirectory).Problems;
    }

    private (List<IDataSource> Sources, IReadOnlyList<DefinitionProblem> Problems) Read(string? json, string file, string baseDirectory)
    {
        var map = JsonLocationMap.FromText(json);
        var problems = new List<DefinitionProblem>(SchemaValidator.Sources.Validate(map, file));
        var sources = new List<IDataSource>();
        if (map.SyntaxError is not null)
        {
            return (sources, problems);
        }

        using var document = JsonDocument.Parse(map.Utf8, DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (sources, problems); // the schema has said what is wrong
        }

        var invalid = problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Pointer).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var pointer = JsonPointer.Append("/sources", index++);

            // A source whose common settings are wrong is not given to its factory: the schema's message is the useful one.
            if (invalid.Any(p => p == pointer || p.StartsWith(pointer + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!TryGetString(item, "name", out var name) || !TryGetString(item, "type", out var type))
            {
                // The schema requires both; this only guards against a check it did not report.
                problems.Add(Problem(map, file, pointer, "A source is an object with a \"name\" and a \"type\", e.g. { \"name\": \"tu-danh-gia\", \"type\": \"xlsx\", … }."));
                continue;
            }

            if (!names.Add(name))
            {
                problems.Add(Problem(map, file, pointer + "/name",
                    $"The name '{name}' is used by an earlier source. Give each source its own name: observations and rejected rows cite it."));
                continue;
            }

            if (!factories.TryGetValue(type, out var factory))
            {
                problems.Add(Problem(map, file, pointer + "/type", UnknownType(type)));
                continue;
            }

            var configuration = new DataSourceConfiguration
            {
                Name = name,
                Type = type,
                Settings = item.Clone(),
                BaseDirectory = baseDirectory,
                ConfigurationFile = file,
                Pointer = pointer,
            };
            try
            {
                sources.Add(factory.Create(configuration));
            }
            catch (DataSourceConfigurationException exception)
            {
                var at = exception.Pointer.Length == 0 ? pointer : exception.Pointer;
                problems.Add(Problem(map, file, at, WithoutPrefix(exception, file)));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                problems.Add(Problem(map, file, pointer,
                    $"The factory of source type '{type}' ({factory.GetType().FullName}) failed on these settings with " +
                    $"{exception.GetType().Name}: {exception.Message} This is a defect of the plugin that provides '{type}': " +
                    "report it to its authors, with this file; meanwhile check the source's settings against its documentation."));
            }
        }

        return (sources, problems
            .Distinct()
            .OrderBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ThenBy(p => p.Severity)
            .ThenBy(p => p.Pointer, StringComparer.Ordinal)
            .ToList());
    }

    private string UnknownType(string type)
    {
        var known = Types.ToList();
        if (known.Count == 0)
        {
            return $"Unknown source type '{type}': no source type is registered. Add the package of the source type " +
                "(e.g. services.AddDti().AddCsvSources()) or put its plugin in the plugins folder.";
        }

        var suggestion = SchemaMessages.Suggest(type, known);
        var hint = suggestion is null ? string.Empty : $"Did you mean '{suggestion}'? ";
        return $"Unknown source type '{type}'. {hint}Use one of: {string.Join(", ", known)}, or add the package or plugin that provides '{type}'.";
    }

    private static bool TryGetString(JsonElement item, string property, out string value)
    {
        value = string.Empty;
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return value.Length > 0;
        }

        return false;
    }

    private static DefinitionProblem Problem(JsonLocationMap map, string file, string pointer, string message)
    {
        var location = map.Locate(pointer);
        return new DefinitionProblem(ProblemSeverity.Error, file, location.Line, location.Column, pointer, message);
    }

    /// <summary>A factory's message without the "file at /pointer: " its exception puts in front (the problem says both).</summary>
    private static string WithoutPrefix(DataSourceConfigurationException exception, string file)
    {
        var prefix = $"{file} at {(exception.Pointer.Length == 0 ? "/" : exception.Pointer)}: ";
        return exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
    }
}
