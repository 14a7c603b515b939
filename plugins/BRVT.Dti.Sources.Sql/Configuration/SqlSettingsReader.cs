using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>
/// Reads and checks the settings of a SQL source from its JSON object, collecting every problem with its JSON pointer
/// so that one exception lists them all.
/// </summary>
internal sealed partial class SqlSettingsReader
{
    /// <summary>The default time one query may run, in seconds.</summary>
    public const int DefaultCommandTimeoutSeconds = 300;

    private static readonly string[] ObservationRoles = ["unit", "measure", "period", "value", "stage", "key"];
    private static readonly string[] RecordRoles = ["unit", "period", "key"];

    private readonly DataSourceConfiguration configuration;
    private readonly List<(string Pointer, string Message)> problems = [];

    private SqlSettingsReader(DataSourceConfiguration configuration)
    {
        this.configuration = configuration;
    }

    /// <summary>Reads the settings common to every SQL engine; <paramref name="connectionKeys"/> are the engine's own keys.</summary>
    /// <param name="configuration">The source's configuration.</param>
    /// <param name="connectionKeys">The settings that say where the database is (e.g. <c>path</c>), read by the caller.</param>
    /// <param name="readConnection">Reads those settings, reporting problems through the callback it is given.</param>
    /// <typeparam name="TConnection">What the engine needs to connect.</typeparam>
    /// <returns>The settings and the connection information.</returns>
    /// <exception cref="DataSourceConfigurationException">Any setting is wrong; the message lists every problem.</exception>
    public static (SqlSourceSettings Settings, TConnection Connection) Read<TConnection>(
        DataSourceConfiguration configuration,
        IReadOnlyList<string> connectionKeys,
        Func<JsonElement, Action<string, string>, TConnection> readConnection)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var reader = new SqlSettingsReader(configuration);
        var root = configuration.Settings;
        var pointer = configuration.Pointer;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, pointer, "A source must be a JSON object.");
        }

        reader.CheckKeys(root, pointer, ["name", "type", "description", "observations", "records", "commandTimeoutSeconds", .. connectionKeys]);
        TConnection connection;
        try
        {
            connection = readConnection(root, (setting, message) => reader.Problem($"{pointer}/{setting}", message));
        }
        catch (DataSourceConfigurationException exception)
        {
            reader.problems.Add((exception.Pointer, exception.Message));
            connection = default!;
        }

        var observations = reader.ReadObservationTables(root, pointer);
        var records = reader.ReadRecordTables(root, pointer);
        if (observations.Count == 0 && records.Count == 0 && reader.problems.Count == 0)
        {
            reader.Problem(pointer, "the source reads nothing: add \"observations\" (a long-format table of observations) or \"records\" (tables of raw records that derived measures aggregate), or both.");
        }

        var timeout = reader.ReadTimeout(root, pointer);
        reader.ThrowIfProblems();
        return (new SqlSourceSettings(configuration.Name, configuration.ConfigurationFile, pointer, observations, records, timeout), connection);
    }

    /// <summary>Reads an optional string setting; a value that is not a string is reported.</summary>
    /// <param name="element">The object.</param>
    /// <param name="key">The setting.</param>
    /// <param name="problem">Reports a problem: setting name and message.</param>
    /// <returns>The string, or <see langword="null"/> when absent or wrong.</returns>
    public static string? OptionalString(JsonElement element, string key, Action<string, string> problem)
    {
        if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problem(key, $"\"{key}\" must be a non-empty string.");
            return null;
        }

        return value.GetString();
    }

    private List<ObservationTable> ReadObservationTables(JsonElement root, string pointer)
    {
        var tables = new List<ObservationTable>();
        if (!root.TryGetProperty("observations", out var observations))
        {
            return tables;
        }

        var at = $"{pointer}/observations";
        if (observations.ValueKind == JsonValueKind.Object)
        {
            AddIfNotNull(tables, ReadObservationTable(observations, at));
        }
        else if (observations.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in observations.EnumerateArray())
            {
                var itemAt = $"{at}/{index++}";
                if (item.ValueKind == JsonValueKind.Object)
                {
                    AddIfNotNull(tables, ReadObservationTable(item, itemAt));
                }
                else
                {
                    Problem(itemAt, "an observation table must be an object: { \"table\": \"…\", \"columns\": { \"unit\": …, \"measure\": …, \"period\": …, \"value\": …, \"stage\": … } }.");
                }
            }
        }
        else
        {
            Problem(at, "\"observations\" must be an object { \"table\": \"…\", \"columns\": {…} } or an array of them.");
        }

        return tables;
    }

    private ObservationTable? ReadObservationTable(JsonElement element, string at)
    {
        CheckKeys(element, at, ["table", "columns", "description"]);
        var table = Identifier(element, "table", at, allowSchema: true, required: true, fallback: null);
        var columns = Columns(element, at, ObservationRoles);
        SqlIdentifier? Column(string role, bool required) =>
            Identifier(columns ?? default, role, $"{at}/columns", allowSchema: false, required: false, fallback: required ? role : null);
        var unit = Column("unit", true);
        var measure = Column("measure", true);
        var period = Column("period", true);
        var value = Column("value", true);
        var stage = Column("stage", false);
        var key = Column("key", false);
        return table is null || unit is null || measure is null || period is null || value is null
            ? null
            : new ObservationTable(table, unit, measure, period, value, stage, key, at);
    }

    private Dictionary<string, RecordTable> ReadRecordTables(JsonElement root, string pointer)
    {
        var tables = new Dictionary<string, RecordTable>(StringComparer.Ordinal);
        if (!root.TryGetProperty("records", out var records))
        {
            return tables;
        }

        var at = $"{pointer}/records";
        if (records.ValueKind != JsonValueKind.Object)
        {
            Problem(at, "\"records\" must be an object: { \"<record set>\": { \"table\": \"…\", \"columns\": { \"unit\": …, \"period\": … }, \"fields\": { \"<field>\": \"<column>\", … } } }.");
            return tables;
        }

        foreach (var property in records.EnumerateObject())
        {
            var setAt = $"{at}/{EscapePointer(property.Name)}";
            if (string.IsNullOrWhiteSpace(property.Name))
            {
                Problem(setAt, "a record set needs a name: the name derivations write in \"records\".");
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                Problem(setAt, "a record set must be an object { \"table\": \"…\", \"columns\": {…}, \"fields\": {…} }.");
                continue;
            }

            if (ReadRecordTable(property.Name, property.Value, setAt) is { } table)
            {
                tables[property.Name] = table;
            }
        }

        return tables;
    }

    private RecordTable? ReadRecordTable(string name, JsonElement element, string at)
    {
        CheckKeys(element, at, ["table", "columns", "fields", "pushdown", "description"]);
        var table = Identifier(element, "table", at, allowSchema: true, required: true, fallback: null);
        var columns = Columns(element, at, RecordRoles);
        var unit = Identifier(columns ?? default, "unit", $"{at}/columns", allowSchema: false, required: false, fallback: "unit");
        var period = Identifier(columns ?? default, "period", $"{at}/columns", allowSchema: false, required: false, fallback: "period");
        var key = Identifier(columns ?? default, "key", $"{at}/columns", allowSchema: false, required: false, fallback: null);
        var pushdown = true;
        if (element.TryGetProperty("pushdown", out var pushdownElement))
        {
            if (pushdownElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                pushdown = pushdownElement.GetBoolean();
            }
            else
            {
                Problem($"{at}/pushdown", "\"pushdown\" must be true (aggregate in the database, the default) or false (read the records row by row).");
            }
        }

        var fields = new Dictionary<string, SqlIdentifier>(StringComparer.Ordinal);
        var fieldsAt = $"{at}/fields";
        if (!element.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Object)
        {
            Problem(fieldsAt, "a record set needs \"fields\": an object mapping each field that filters and aggregates read to its column, e.g. { \"online\": \"online\", \"days\": \"so_ngay\" }.");
        }
        else
        {
            foreach (var field in fieldsElement.EnumerateObject())
            {
                var fieldAt = $"{fieldsAt}/{EscapePointer(field.Name)}";
                if (!FieldName().IsMatch(field.Name))
                {
                    Problem(fieldAt, $"'{field.Name}' cannot be named in a filter: a field name uses ASCII letters, digits 0-9 and _, starting with a letter or _ (the column it maps to may have any acceptable name).");
                    continue;
                }

                if (Identifier(fieldsElement, field.Name, fieldsAt, allowSchema: false, required: true, fallback: null) is { } column)
                {
                    fields[field.Name] = column;
                }
            }
        }

        return table is null || unit is null || period is null ? null : new RecordTable(name, table, unit, period, key, fields, pushdown, at);
    }

    private JsonElement? Columns(JsonElement element, string at, string[] roles)
    {
        if (!element.TryGetProperty("columns", out var columns))
        {
            return null;
        }

        if (columns.ValueKind != JsonValueKind.Object)
        {
            Problem($"{at}/columns", $"\"columns\" must be an object naming the column of each of: {string.Join(", ", roles)}.");
            return null;
        }

        CheckKeys(columns, $"{at}/columns", roles);
        return columns;
    }

    /// <summary>Reads a name; an absent one takes <paramref name="fallback"/> (its role's name) unless it is required.</summary>
    private SqlIdentifier? Identifier(JsonElement element, string key, string at, bool allowSchema, bool required, string? fallback)
    {
        string? text;
        var keyAt = $"{at}/{EscapePointer(key)}";
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value))
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(keyAt, $"\"{key}\" must be a string: the name of a {(allowSchema ? "table" : "column")}.");
                return null;
            }

            text = value.GetString();
        }
        else if (required)
        {
            Problem(keyAt, $"\"{key}\" is missing: write the name of the {(allowSchema ? "table" : "column")}.");
            return null;
        }
        else
        {
            text = fallback;
            if (text is null)
            {
                return null;
            }
        }

        if (!SqlIdentifier.TryParse(text, allowSchema, out var identifier, out var problem))
        {
            Problem(keyAt, problem);
            return null;
        }

        return identifier;
    }

    private int ReadTimeout(JsonElement root, string pointer)
    {
        if (!root.TryGetProperty("commandTimeoutSeconds", out var value))
        {
            return DefaultCommandTimeoutSeconds;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var seconds) && seconds is > 0 and <= 86_400)
        {
            return seconds;
        }

        Problem($"{pointer}/commandTimeoutSeconds", "\"commandTimeoutSeconds\" must be a whole number of seconds from 1 to 86400.");
        return DefaultCommandTimeoutSeconds;
    }

    private void CheckKeys(JsonElement element, string at, IReadOnlyList<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal) && !property.Name.StartsWith('$'))
            {
                Problem($"{at}/{EscapePointer(property.Name)}", $"unknown setting \"{property.Name}\". Known here: {string.Join(", ", known)}.");
            }
        }
    }

    private void Problem(string pointer, string message) => problems.Add((pointer, message));

    private void ThrowIfProblems()
    {
        switch (problems.Count)
        {
            case 0:
                return;
            case 1:
                throw new DataSourceConfigurationException(configuration.ConfigurationFile, problems[0].Pointer, Strip(problems[0].Message));
            default:
                var lines = problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"  at {(p.Pointer.Length == 0 ? "/" : p.Pointer)}: {Strip(p.Message)}"));
                throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer,
                    $"{problems.Count} problems in source '{configuration.Name}':{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }
    }

    /// <summary>Removes the "file at pointer: " prefix of a message that came from another exception.</summary>
    private string Strip(string message)
    {
        var prefix = $"{configuration.ConfigurationFile} at ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            var colon = message.IndexOf(": ", prefix.Length, StringComparison.Ordinal);
            return colon < 0 ? message : message[(colon + 2)..];
        }

        return message;
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void AddIfNotNull(List<ObservationTable> tables, ObservationTable? table)
    {
        if (table is not null)
        {
            tables.Add(table);
        }
    }

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
