using BRVT.Dti.Sources.Http.Json;

namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>The checked settings of an <c>http-json</c> source.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record HttpSourceSettings
{
    /// <summary>The placeholder in <c>"url"</c> replaced by the period assessed.</summary>
    public const string PeriodPlaceholder = "{period}";

    public const long DefaultMaxResponseBytes = 50L * 1024 * 1024;

    private static readonly string[] Known =
    [
        "name", "type", "$comment", "url", "headers", "auth", "paging", "resilience", "maxResponseBytes",
        "items", "unitPath", "period", "periodPath", "measurePath", "valuePath", "measures", "records", "fields",
    ];

    /// <summary>Headers that carry secrets or belong to the transport; they are never taken from the configuration.</summary>
    private static readonly string[] RefusedHeaders =
        ["Authorization", "Proxy-Authorization", "Cookie", "Host", "Content-Length", "Transfer-Encoding", "Connection"];

    /// <summary>The URL as configured, possibly with <see cref="PeriodPlaceholder"/>.</summary>
    public required string Url { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public AuthSettings? Auth { get; init; }

    public required PagingSettings Paging { get; init; }

    public required ResilienceSettings Resilience { get; init; }

    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>The path of the items' array in each page.</summary>
    public required JsonPath Items { get; init; }

    public required JsonPath UnitPath { get; init; }

    /// <summary>A fixed period, or <see langword="null"/> when it is read from each item (<see cref="PeriodPath"/>) or is the one the URL asks for.</summary>
    public string? Period { get; init; }

    public JsonPath? PeriodPath { get; init; }

    public required ItemMappingKind Kind { get; init; }

    public JsonPath? MeasurePath { get; init; }

    public JsonPath? ValuePath { get; init; }

    /// <summary>Wide items: measure id → path of its value in the item.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonPath>> Measures { get; init; } = [];

    /// <summary>Raw records: the record set's name (a derivation's <c>records</c>).</summary>
    public string? Records { get; init; }

    /// <summary>Raw records: field name → path of its value in the item.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonPath>> Fields { get; init; } = [];

    public static HttpSourceSettings Parse(SettingsReader reader)
    {
        reader.RejectUnknown(Known);
        var url = reader.RequiredString("url", "the API's address, e.g. \"https://dichvucong.example.gov.vn/api/thong-ke?nam={period}\" ({period} is replaced by the period assessed).");
        var probe = url.Replace(PeriodPlaceholder, "2023", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            throw reader.Error("url", $"'{url}' is not an absolute http:// or https:// URL.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw reader.Error("url", "The URL holds a user name or password. Never write credentials in the configuration: put the token in an environment variable and name it in \"auth\": { \"tokenVariable\": \"…\" }.");
        }

        if (uri.Fragment.Length > 0)
        {
            throw reader.Error("url", "The URL has a #fragment, which is never sent to the server; remove it.");
        }

        var auth = AuthSettings.Parse(reader.Nested("auth"));
        if (auth is not null && uri.Scheme == "http" && !uri.IsLoopback)
        {
            throw reader.Error("url", $"The token in \"{auth.TokenVariable}\" would be sent unencrypted to {uri.Host}. Use an https:// URL (plain http is allowed for the loopback address only).");
        }

        var headers = reader.OptionalStringMap("headers", allowEmpty: true) ?? [];
        foreach (var header in headers)
        {
            if (RefusedHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw reader.Error($"headers/{header.Key}", $"The header \"{header.Key}\" is not taken from the configuration. Tokens go in an environment variable named in \"auth\": {{ \"tokenVariable\": \"…\", \"header\": \"{header.Key}\" }}.");
            }

            if (!IsHeaderName(header.Key) || header.Value.Any(c => c is '\r' or '\n'))
            {
                throw reader.Error($"headers/{header.Key}", $"\"{header.Key}\" is not a valid request header and value.");
            }
        }

        var kind = Mapping(reader);
        var period = reader.OptionalString("period");
        var periodPath = Path(reader, "periodPath", required: false, allowWildcard: false, string.Empty);
        if (period is not null && periodPath is not null)
        {
            throw reader.Error("period", "Give either \"period\" (the same for every item) or \"periodPath\" (read from each item), not both.");
        }

        if (period is null && periodPath is null && !url.Contains(PeriodPlaceholder, StringComparison.Ordinal))
        {
            throw reader.Error(string.Empty,
                "Say which period the items are for: \"periodPath\" (e.g. \"$.nam\", read from each item), \"period\" (e.g. \"2023\"), or put {period} in the URL so that the API is asked for the period assessed.");
        }

        var items = Path(reader, "items", required: true, allowWildcard: true, "the JSON path of the items' array in each page, e.g. \"$.data.items[*]\"")!;
        return new HttpSourceSettings
        {
            Url = url,
            Headers = headers,
            Auth = auth,
            Paging = PagingSettings.Parse(reader.Nested("paging")),
            Resilience = ResilienceSettings.Parse(reader.Nested("resilience")),
            MaxResponseBytes = reader.OptionalInteger("maxResponseBytes", DefaultMaxResponseBytes, 1024, int.MaxValue),
            Items = items,
            UnitPath = Path(reader, "unitPath", required: true, allowWildcard: false, "the path of the unit id in each item, e.g. \"$.ma_don_vi\"")!,
            Period = period,
            PeriodPath = periodPath,
            Kind = kind,
            MeasurePath = kind == ItemMappingKind.Long ? Path(reader, "measurePath", required: true, allowWildcard: false, "the path of the measure id in each item, e.g. \"$.chi_so\"") : null,
            ValuePath = kind == ItemMappingKind.Long ? Path(reader, "valuePath", required: true, allowWildcard: false, "the path of the value in each item, e.g. \"$.gia_tri\"") : null,
            Measures = kind == ItemMappingKind.Wide ? PathMap(reader, "measures") : [],
            Records = kind == ItemMappingKind.Records ? reader.RequiredString("records", "the record set's name, as the measures' derivations name it.") : null,
            Fields = kind == ItemMappingKind.Records ? PathMap(reader, "fields") : [],
        };
    }

    public static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => c < 127 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)));

    /// <summary>Reads a JSON path setting.</summary>
    public static JsonPath? Path(SettingsReader reader, string setting, bool required, bool allowWildcard, string hint)
    {
        var text = required ? reader.RequiredString(setting, hint + ".") : reader.OptionalString(setting);
        return text is null ? null : ParsePath(reader, setting, text, allowWildcard);
    }

    private static JsonPath ParsePath(SettingsReader reader, string setting, string text, bool allowWildcard)
    {
        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            throw reader.Error(setting, $"'{text}' is not a JSON path this source reads: {error}. Write e.g. \"$.data.items[*]\", \"$.chi_so.ha_tang\" or \"$['mã đơn vị']\".");
        }

        if (path!.EndsWithWildcard && !allowWildcard)
        {
            throw reader.Error(setting, $"'{text}' ends with [*], which names many values; name one value here.");
        }

        return path;
    }

    private static List<KeyValuePair<string, JsonPath>> PathMap(SettingsReader reader, string setting) =>
        [.. reader.OptionalStringMap(setting)!.Select(p => KeyValuePair.Create(p.Key, ParsePath(reader, $"{setting}/{p.Key}", p.Value, allowWildcard: false)))];

    private static ItemMappingKind Mapping(SettingsReader reader)
    {
        var isLong = reader.Has("measurePath") || reader.Has("valuePath");
        var isWide = reader.Has("measures");
        var isRecords = reader.Has("records") || reader.Has("fields");
        if ((isLong ? 1 : 0) + (isWide ? 1 : 0) + (isRecords ? 1 : 0) != 1)
        {
            throw reader.Error(string.Empty,
                "Map the items in exactly one way: \"measurePath\" + \"valuePath\" (one value per item), \"measures\" (measure id → path, several values per item) or \"records\" + \"fields\" (raw records aggregated by the measures' derivations).");
        }

        if (isRecords && !reader.Has("fields"))
        {
            throw reader.Error("fields", "\"records\" needs \"fields\": record field → path in each item, e.g. { \"on_time\": \"$.dung_han\" }.");
        }

        return isLong ? ItemMappingKind.Long : isWide ? ItemMappingKind.Wide : ItemMappingKind.Records;
    }
}
