using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// Reads <c>workspace.json</c>. Every problem is reported at once, each with the file, the JSON pointer of the
/// setting and how to fix it; unknown settings are errors so that a typo is never silently ignored.
/// </summary>
internal static class WorkspaceSettingsReader
{
    private static readonly string[] Known = ["$schema", "$comment", "name", "units", "period", "previousPeriod", "assessments", "sources", "reports", "sample", "limits"];

    /// <summary>The largest value "limits.maxUnits" takes: ten million units (the engine allocates per unit and measure).</summary>
    public const int MaxUnitsCeiling = 10_000_000;

    private static readonly string[] KnownLimits = ["maxUnits"];

    public static WorkspaceSettings Read(string file)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceException($"{file}: cannot be read ({exception.Message}).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new WorkspaceException($"{file}({(exception.LineNumber ?? 0) + 1},{(exception.BytePositionInLine ?? 0) + 1}): not valid JSON: {exception.Message}");
        }

        if (UnreadableStringFinder.Find(text) is { } place)
        {
            document.Dispose();
            throw new WorkspaceException($"{file}({place.Line},{place.Column}): {UnreadableStringFinder.Message}");
        }

        using (document)
        {
            var problems = new List<string>();
            var settings = Parse(document.RootElement, file, problems);
            if (problems.Count > 0 || settings is null)
            {
                throw new WorkspaceException($"{file}: {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
            }

            return settings;
        }
    }

    private static WorkspaceSettings? Parse(JsonElement root, string file, List<string> problems)
    {
        void Problem(string pointer, string message) => problems.Add($"at {(pointer.Length == 0 ? "/" : pointer)}: {message}");
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem(string.Empty, "write an object with \"units\", \"period\", \"assessments\" and \"sources\".");
            return null;
        }

        foreach (var property in root.EnumerateObject().Where(p => !Known.Contains(p.Name, StringComparer.Ordinal)))
        {
            Problem("/" + JsonPointerEscape(property.Name), $"unknown setting \"{property.Name}\". Known settings: {string.Join(", ", Known.Skip(2))}.");
        }

        string? Text(JsonElement parent, string name, string pointer, bool required, string hint)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Problem(pointer, $"\"{name}\" is required: {hint}");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem($"{pointer}/{name}", $"\"{name}\" must be a non-empty string: {hint}");
                return null;
            }

            return value.GetString();
        }

        var name = root.TryGetProperty("name", out var n) ? ReadName(n, problems) : new LocalizedText("Workspace", null);
        var units = Text(root, "units", string.Empty, true, "the units file, e.g. \"units.csv\".");
        var period = Text(root, "period", string.Empty, true, "the period assessed, e.g. \"2024\".");
        var previous = Text(root, "previousPeriod", string.Empty, false, "the period to compare with, e.g. \"2023\".");
        var sample = Text(root, "sample", string.Empty, false, "the sample generator's name, \"brvt-sample\".");
        var assessments = new List<WorkspaceAssessment>();
        if (!root.TryGetProperty("assessments", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            Problem("/assessments", "\"assessments\" must be a non-empty array of { \"id\": \"...\", \"definition\": \"path/to/index.json\" }.");
        }
        else
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var pointer = "/assessments/" + index++.ToString(CultureInfo.InvariantCulture);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(pointer, "an assessment is an object { \"id\": \"...\", \"definition\": \"path/to/index.json\" }.");
                    continue;
                }

                var id = Text(item, "id", pointer, true, "a short id such as \"so-ban-nganh\", used in report file names.");
                var definition = Text(item, "definition", pointer, true, "the index definition file, e.g. \"indicators/brvt-agencies/index.json\".");
                if (id is not null && !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    Problem($"{pointer}/id", $"the id '{id}' may hold only letters a-z, digits, '-' and '_' (it names report files).");
                }
                else if (id is not null && assessments.Any(a => a.Id == id))
                {
                    Problem($"{pointer}/id", $"the id '{id}' is used twice. Give each assessment its own id.");
                }
                else if (id is not null && definition is not null)
                {
                    assessments.Add(new WorkspaceAssessment(id, definition, pointer));
                }
            }
        }

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("sources", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            Problem("/sources", "\"sources\" must be an object: period → its sources file, e.g. { \"2024\": \"sources-2024.json\" }.");
        }
        else
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
                {
                    Problem("/sources/" + JsonPointerEscape(entry.Name), "must be the path of a sources file, e.g. \"sources-2024.json\".");
                    continue;
                }

                sources[entry.Name] = entry.Value.GetString()!;
            }

            foreach (var needed in new[] { period, previous }.OfType<string>().Where(p => !sources.ContainsKey(p)))
            {
                Problem("/sources", $"no sources file for the period {needed}. Add \"{needed}\": \"sources-{needed}.json\".");
            }
        }

        var reports = new List<string>();
        if (root.TryGetProperty("reports", out var formats))
        {
            if (formats.ValueKind != JsonValueKind.Array || formats.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
            {
                Problem("/reports", "\"reports\" must be an array of report formats, e.g. [\"json\", \"csv\", \"xlsx\", \"md\", \"html\"].");
            }
            else
            {
                reports.AddRange(formats.EnumerateArray().Select(f => f.GetString()!));
            }
        }

        var maxUnits = root.TryGetProperty("limits", out var limits) ? ReadLimits(limits, Problem) : DtiLimits.Default.MaxUnits;
        if (previous is not null && previous == period)
        {
            Problem("/previousPeriod", "the previous period is the period assessed. Name an earlier period, or remove \"previousPeriod\".");
        }

        return units is null || period is null
            ? null
            : new WorkspaceSettings
            {
                File = file,
                Name = name,
                Units = units,
                Period = period,
                PreviousPeriod = previous,
                Assessments = assessments,
                Sources = sources,
                Reports = reports,
                Sample = sample,
                MaxUnits = maxUnits,
            };
    }

    private static int ReadLimits(JsonElement limits, Action<string, string> problem)
    {
        var maxUnits = DtiLimits.Default.MaxUnits;
        if (limits.ValueKind != JsonValueKind.Object)
        {
            problem("/limits", $"\"limits\" must be an object, e.g. {{ \"maxUnits\": {DtiLimits.Default.MaxUnits.ToString(CultureInfo.InvariantCulture)} }}.");
            return maxUnits;
        }

        foreach (var property in limits.EnumerateObject())
        {
            var pointer = "/limits/" + JsonPointerEscape(property.Name);
            if (!KnownLimits.Contains(property.Name, StringComparer.Ordinal))
            {
                problem(pointer, $"unknown limit \"{property.Name}\". Known limits: {string.Join(", ", KnownLimits)}.");
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var value) || value < 1 || value > MaxUnitsCeiling)
            {
                problem(pointer, string.Create(CultureInfo.InvariantCulture,
                    $"\"maxUnits\" must be a whole number from 1 to {MaxUnitsCeiling} (the default is {DtiLimits.Default.MaxUnits}): the most units the units file may list."));
                continue;
            }

            maxUnits = value;
        }

        return maxUnits;
    }

    private static LocalizedText ReadName(JsonElement element, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
        {
            return new LocalizedText(element.GetString()!, null);
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("vi", out var vi) && vi.ValueKind == JsonValueKind.String)
        {
            var en = element.TryGetProperty("en", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new LocalizedText(vi.GetString()!, en);
        }

        problems.Add("at /name: \"name\" must be a string or { \"vi\": \"...\", \"en\": \"...\" }.");
        return new LocalizedText("Workspace", null);
    }

    private static string JsonPointerEscape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
