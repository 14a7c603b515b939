using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Excel.Settings;

/// <summary>
/// Reads a source's settings from its JSON object. Every problem is a <see cref="DataSourceConfigurationException"/>
/// that names the configuration file and the setting's JSON pointer; unknown settings are errors, so a typo is never ignored.
/// </summary>
internal sealed class SettingsReader(DataSourceConfiguration configuration)
{
    private readonly JsonElement settings = configuration.Settings;

    public DataSourceConfiguration Configuration { get; } = configuration;

    public DataSourceConfigurationException Error(string setting, string message) =>
        new(Configuration.ConfigurationFile, Pointer(setting), message);

    public string Pointer(string setting) => setting.Length == 0 ? Configuration.Pointer : $"{Configuration.Pointer}/{setting}";

    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw Error(string.Empty, "A source must be a JSON object.");
        }

        foreach (var property in settings.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw Error(property.Name, $"Unknown setting \"{property.Name}\" for a source of type '{Configuration.Type}'. Known settings: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    public bool Has(string setting) => settings.TryGetProperty(setting, out var value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(string setting, string hint) =>
        OptionalString(setting) ?? throw Error(setting, $"The setting \"{setting}\" is required: {hint}");

    public string? OptionalString(string setting)
    {
        if (!settings.TryGetProperty(setting, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            // A period written as a number (2023) reads as its text.
            return value.GetRawText();
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error(setting, $"\"{setting}\" must be a non-empty string.");
        }

        return value.GetString()!.Trim();
    }

    public long OptionalInteger(string setting, long defaultValue, long minimum, long maximum)
    {
        if (!settings.TryGetProperty(setting, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < minimum || number > maximum)
        {
            throw Error(setting, $"\"{setting}\" must be a whole number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}.");
        }

        return number;
    }

    public IReadOnlyList<string> OptionalStringArray(string setting)
    {
        if (!settings.TryGetProperty(setting, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Error(setting, $"\"{setting}\" must be an array of strings.");
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>An object of string values, in file order; <see langword="null"/> when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? OptionalStringMap(string setting, bool allowEmpty = false)
    {
        if (!settings.TryGetProperty(setting, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return StringMap(value, setting, allowEmpty);
    }

    public JsonElement? OptionalObject(string setting)
    {
        if (!settings.TryGetProperty(setting, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Error(setting, $"\"{setting}\" must be an object.");
    }

    public IReadOnlyList<KeyValuePair<string, string>> StringMap(JsonElement value, string pointer, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(pointer, $"\"{pointer}\" must be an object whose values are strings.");
        }

        var map = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                throw Error($"{pointer}/{property.Name}", $"\"{property.Name}\" must be a non-empty string.");
            }

            if (map.Exists(p => string.Equals(p.Key, property.Name, StringComparison.Ordinal)))
            {
                throw Error($"{pointer}/{property.Name}", $"\"{property.Name}\" is written twice.");
            }

            map.Add(new(property.Name, property.Value.GetString()!));
        }

        if (map.Count == 0 && !allowEmpty)
        {
            throw Error(pointer, $"\"{pointer}\" is empty; map at least one entry.");
        }

        return map;
    }
}
