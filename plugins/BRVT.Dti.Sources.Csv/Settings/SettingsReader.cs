using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>
/// Reads a source's settings from its JSON object, collecting every problem with its JSON pointer, and refuses
/// properties it does not know (a misspelt setting must not be silently ignored).
/// </summary>
internal sealed class SettingsReader
{
    private static readonly string[] Always = ["name", "type", "$comment", "description"];
    private readonly DataSourceConfiguration configuration;
    private readonly List<(string Pointer, string Message)> problems = [];
    private readonly HashSet<string> known = new(Always, StringComparer.Ordinal);

    public SettingsReader(DataSourceConfiguration configuration)
    {
        this.configuration = configuration;
        if (configuration.Settings.ValueKind != JsonValueKind.Object)
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer, "A source must be a JSON object.");
        }
    }

    public DataSourceConfiguration Configuration => configuration;

    public string Pointer(string property) => $"{configuration.Pointer}/{property}";

    public void Problem(string pointer, string message) => problems.Add((pointer, message));

    /// <summary>Reads an optional string property.</summary>
    public string? String(string property, bool required = false, string? hint = null, bool allowWhiteSpace = false)
    {
        known.Add(property);
        if (!configuration.Settings.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(Pointer(property), $"\"{property}\" is required{(hint is null ? "." : ": " + hint)}");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.String || (allowWhiteSpace ? string.IsNullOrEmpty(element.GetString()) : string.IsNullOrWhiteSpace(element.GetString())))
        {
            Problem(Pointer(property), $"\"{property}\" must be a non-empty string{(hint is null ? "." : ": " + hint)}");
            return null;
        }

        return element.GetString();
    }

    /// <summary>Reads an optional boolean property.</summary>
    public bool Boolean(string property, bool defaultValue)
    {
        known.Add(property);
        if (!configuration.Settings.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Problem(Pointer(property), $"\"{property}\" must be true or false.");
        return defaultValue;
    }

    /// <summary>Reads an optional whole number between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public int Integer(string property, int defaultValue, int minimum, int maximum, string hint)
    {
        known.Add(property);
        if (!configuration.Settings.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < minimum || value > maximum)
        {
            Problem(Pointer(property), string.Create(CultureInfo.InvariantCulture,
                $"\"{property}\" must be a whole number from {minimum} to {maximum} (the default is {defaultValue}): {hint}"));
            return defaultValue;
        }

        return value;
    }

    /// <summary>Reads a string or an array of strings.</summary>
    public IReadOnlyList<string>? Strings(string property)
    {
        known.Add(property);
        if (!configuration.Settings.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
        {
            return [element.GetString()!];
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    Problem($"{Pointer(property)}/{i}", "Each item must be a non-empty string.");
                }
                else
                {
                    list.Add(item.GetString()!);
                }

                i++;
            }

            return list;
        }

        Problem(Pointer(property), $"\"{property}\" must be a string or an array of strings.");
        return null;
    }

    /// <summary>
    /// Reads an object of string values (<c>{ "key": "value" }</c>) in file order; keys outside
    /// <paramref name="allowedKeys"/> (when given) are problems.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Map(string property, IReadOnlyCollection<string>? allowedKeys = null)
    {
        known.Add(property);
        if (!configuration.Settings.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(Pointer(property), $"\"{property}\" must be an object{(allowedKeys is null ? " of strings" : $" with some of: {string.Join(", ", allowedKeys)}")}.");
            return null;
        }

        var map = new List<KeyValuePair<string, string>>();
        foreach (var item in element.EnumerateObject())
        {
            var pointer = $"{Pointer(property)}/{EscapePointer(item.Name)}";
            if (allowedKeys is not null && !allowedKeys.Contains(item.Name))
            {
                Problem(pointer, $"Unknown key \"{item.Name}\" in \"{property}\". Use some of: {string.Join(", ", allowedKeys)}.");
                continue;
            }

            if (item.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.Value.GetString()))
            {
                Problem(pointer, "The value must be a non-empty string (a column name or an id).");
                continue;
            }

            map.Add(new(item.Name, item.Value.GetString()!));
        }

        return map;
    }

    /// <summary>Marks a property as known without reading it (the caller reads it itself).</summary>
    public JsonElement? Raw(string property)
    {
        known.Add(property);
        return configuration.Settings.TryGetProperty(property, out var element) && element.ValueKind != JsonValueKind.Null ? element : null;
    }

    /// <summary>Throws one exception listing every problem, if any; unknown properties are problems too.</summary>
    public void ThrowIfProblems()
    {
        foreach (var property in configuration.Settings.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var allowed = string.Join(", ", known.Where(k => !Always.Contains(k)).Order(StringComparer.Ordinal));
                Problem(Pointer(EscapePointer(property.Name)), $"Unknown setting \"{property.Name}\" for a {configuration.Type} source. Use some of: {allowed}.");
            }
        }

        if (problems.Count == 1)
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, problems[0].Pointer, problems[0].Message);
        }

        if (problems.Count > 1)
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer,
                $"{problems.Count} problems in source '{configuration.Name}':{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => $"  at {p.Pointer}: {p.Message}"))}");
        }
    }

    public static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
