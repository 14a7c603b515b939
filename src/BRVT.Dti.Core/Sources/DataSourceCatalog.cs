using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources;

/// <summary>
/// Knows the data source factories (one per source type) and creates a workspace's sources from its
/// <c>sources.json</c>: <c>{ "sources": [ { "name": "…", "type": "csv", … }, … ] }</c>. Each factory checks its own
/// settings; every problem names the file and the JSON pointer.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DataSourceCatalog
{
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
    /// <exception cref="DataSourceConfigurationException">The file is missing or wrong; the message lists every problem with its JSON pointer.</exception>
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
    /// <exception cref="DataSourceConfigurationException">The configuration is wrong; the message lists every problem.</exception>
    public IReadOnlyList<IDataSource> Parse(string json, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new DataSourceConfigurationException(file, string.Empty,
                $"Not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new DataSourceConfigurationException(file, string.Empty, "Write an object with \"sources\": an array of sources, each with \"name\" and \"type\".");
            }

            var problems = new List<string>();
            var sources = new List<IDataSource>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var pointer = $"/sources/{index++}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{file} at {pointer}: a source must be an object with \"name\" and \"type\".");
                    continue;
                }

                var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
                var type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type))
                {
                    problems.Add($"{file} at {pointer}: a source needs a \"name\" and a \"type\" (one of: {string.Join(", ", Types)}).");
                    continue;
                }

                if (!names.Add(name))
                {
                    problems.Add($"{file} at {pointer}/name: the name '{name}' is used twice. Give each source its own name.");
                    continue;
                }

                if (!factories.TryGetValue(type, out var factory))
                {
                    problems.Add($"{file} at {pointer}/type: unknown source type '{type}'. Use one of: {string.Join(", ", Types)}, or load the plugin that provides it.");
                    continue;
                }

                try
                {
                    sources.Add(factory.Create(new DataSourceConfiguration
                    {
                        Name = name,
                        Type = type,
                        Settings = item.Clone(),
                        BaseDirectory = baseDirectory,
                        ConfigurationFile = file,
                        Pointer = pointer,
                    }));
                }
                catch (DataSourceConfigurationException exception)
                {
                    problems.Add(exception.Message);
                }
            }

            if (problems.Count > 0)
            {
                throw new DataSourceConfigurationException(file, string.Empty,
                    $"{problems.Count} problem(s) in the data source configuration:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            }

            return sources;
        }
    }
}
