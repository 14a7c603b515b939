using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using Microsoft.AspNetCore.Http;

namespace BRVT.Dti.Fuzz.Tests.Support.Http;

/// <summary>How an <c>http-json</c> source maps the items of a fuzzed API.</summary>
internal enum HttpMapping
{
    Long,
    Wide,
    Records,
}

/// <summary>What the fuzzed server does with one request for a page.</summary>
internal enum PageFault
{
    None,
    Mutated,
    Truncated,
    InvalidUtf8,
    HtmlBody,
    WrongContentType,
    Status,
    FlakyThenOk,
    Slow,
    Stall,
    Abort,
    EmptyBody,
    Bom,
    GzipGarbage,
    NoItems,
    ItemsNotArray,
    ItemsNull,
    DeepValue,
    Huge,
    Padded,
}

/// <summary>How a next link of a page is written (next-link paging).</summary>
internal enum LinkFault
{
    None,
    Self,
    First,
    Foreign,
    NotAString,
    Empty,
    Relative,
    RootRelative,
    Fragment,
    NotHttp,
    Cursor,
}

/// <summary>One page the server holds: its items (as JSON nodes), its faults and how its next link is written.</summary>
internal sealed class FuzzPage
{
    public required List<JsonNode?> Items { get; init; }

    public PageFault Fault { get; set; }

    public LinkFault Link { get; set; }

    public int Status { get; set; } = 200;
}

/// <summary>
/// One generated case of the <c>http-json</c> data fuzz: an API of a few pages (items with hostile values: wrong types,
/// missing fields, huge numbers, odd unit ids, other periods, duplicates) served by a real Kestrel server with page
/// faults (mutated or truncated JSON, invalid UTF-8, wrong content types, HTTP errors, slow or stalled answers,
/// aborted bodies, gzip that is not, very large bodies) and odd paging (loops, pages pointing at themselves, foreign
/// or malformed next links, endless pages). A case is its seed.
/// </summary>
internal sealed class HttpFuzzCase
{
    public const string Period = "2023";

    public static readonly UnitInfo[] Units =
    [
        Fixtures.Unit("so-yt", "Sở Y tế", "agency"),
        Fixtures.Unit("so-gd", "Sở Giáo dục và Đào tạo", "agency"),
        Fixtures.Unit("747", "Thành phố Vũng Tàu"),
        Fixtures.Unit("Ấp Phước Lập", "Ấp Phước Lập", "hamlet"),
    ];

    /// <summary>The wide mapping: measure → path in the item, and the JSON pointer the path becomes.</summary>
    public static readonly (string Measure, string Path, string[] Steps)[] WideMeasures =
    [
        ("m1", "$.chi_so.ha_tang", ["chi_so", "ha_tang"]),
        ("m2", "$.chi_so['dịch vụ công']", ["chi_so", "dịch vụ công"]),
        ("m3", "$.nhan_luc", ["nhan_luc"]),
    ];

    /// <summary>The record fields: field → path steps in the item.</summary>
    public static readonly (string Field, string Path, string[] Steps)[] RecordFields =
    [
        ("dung_han", "$.dung_han", ["dung_han"]),
        ("so_ngay", "$.so_ngay_xu_ly", ["so_ngay_xu_ly"]),
        ("le_phi", "$.phi.le_phi", ["phi", "le_phi"]),
    ];

    private static readonly string[] Filters =
    [
        "dung_han = 1", "so_ngay <= 15", "not missing(le_phi)", "le_phi * 1e300 > 0", "so_ngay / le_phi > 1", "dung_han or so_ngay > 3",
        "coalesce(le_phi, 0) = 0", "if(dung_han, so_ngay, 0) > 2",
    ];

    /// <summary>
    /// Stands for a string holding an escaped half of a surrogate pair (<c>"so-\uDEE7"</c>), which JSON parsers accept
    /// but which is no text; JSON writers refuse to write it, so the page's text gets it in place of this marker.
    /// </summary>
    private const string HalfSurrogate = "@@half-surrogate@@";

    private static readonly object?[] UnitValues =
    [
        "so-yt", "so-gd", "747", " so-yt ", "SO-YT", "so‐yt", "so-gd\u200B", "Ấp Phước Lập", "A\u0302\u0301p Phu\u031Bo\u031B\u0301c La\u0323\u0302p", 747, 747.0, "747.0",
        "", "  ", null, true, "unknown", new string('x', 2000), "\"; DROP", -0,
    ];

    private static readonly object?[] PeriodValues = ["2023", "2023", "2023", " 2023 ", 2023, 2023.0, "2022", 2022, "", null, "２０２３", false];

    private static readonly object?[] MeasureValues = ["m1", "m2", "m3", " m1 ", "M1", "m4", "dung_han", "x", "", null, 1];

    private static readonly string[] RawNumbers =
    [
        "0", "1", "-1", "8.5", "-0", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "1.7976931348623157e308", "5e-324", "0.1",
    ];

    private static readonly object?[] TextValues = ["8.5", " 3 ", "1,5", "abc", "", "NaN", "Infinity", "-inf", "1e309", "+7", ".5", "0x10", "１２", "12.5 kg"];

    private HttpFuzzCase()
    {
    }

    public required int Seed { get; init; }

    public required HttpMapping Mapping { get; init; }

    public required string PagingMode { get; init; }

    /// <summary>How the items are placed in a page: 0 <c>$.data.items[*]</c>, 1 the page is the array, 2 <c>$.results</c>.</summary>
    public required int Shape { get; init; }

    public required List<FuzzPage> Pages { get; init; }

    /// <summary>Page and offset paging: every page is full, so the paging never ends (until "maxPages").</summary>
    public required bool Endless { get; init; }

    public required int Size { get; init; }

    public required int MaxPages { get; init; }

    public required int Attempts { get; init; }

    public required bool Stalls { get; init; }

    public required long MaxResponseBytes { get; init; }

    /// <summary>0: a period path in each item; 1: "period" in the settings; 2: only <c>{period}</c> in the URL.</summary>
    public required int PeriodMode { get; init; }

    /// <summary>The wide mapping also maps a measure computed by a formula (the read fails before any request).</summary>
    public required bool MapsFormula { get; init; }

    public required MeasureDefinition[] Measures { get; init; }

    /// <summary>Whether every page is well-formed and the paging sound, so that the read must succeed.</summary>
    /// <remarks>Not clean: an endless paging, a mapping the definition refuses, tight timeouts or size limits, more pages than "maxPages", any fault that damages a page or its link.</remarks>
    public bool Clean => !Endless && !MapsFormula && !Stalls && MaxResponseBytes >= 50_000_000 && WithinMaxPages
        && Pages.All(p => p.Fault is PageFault.None or PageFault.WrongContentType or PageFault.Slow or PageFault.Bom or PageFault.DeepValue or PageFault.Huge or PageFault.Padded
            || (p.Fault == PageFault.FlakyThenOk && Attempts > 1)
            || (p.Fault == PageFault.ItemsNull && Shape != 1))
        && Pages.All(p => p.Link is LinkFault.None or LinkFault.Relative or LinkFault.RootRelative or LinkFault.Fragment or LinkFault.Cursor or LinkFault.Empty);

    /// <summary>
    /// Whether "maxPages" lets the read finish: the pages it requests are at most that many, or one more when that
    /// last one is empty (asked for only to learn that the one before it was the last).
    /// </summary>
    public bool WithinMaxPages => PagesRead <= MaxPages
        || (PagesRead == MaxPages + 1 && (PagesRead > Pages.Count || (Pages[^1].Items.Count == 0 && Pages[^1].Fault == PageFault.None)));

    /// <summary>The pages a sound read requests: page and offset paging ask once more after a full last page.</summary>
    public int PagesRead => Pages.Count + (PagingMode is "page" or "offset" && Pages[^1].Items.Count > 0 && Pages[^1].Items.Count >= Size ? 1 : 0);

    public string Path(int number) => string.Create(CultureInfo.InvariantCulture, $"/c{number}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed} ({Mapping}, paging {PagingMode}{(Endless ? " endless" : string.Empty)}, shape {Shape}, period mode {PeriodMode}, {Pages.Count} pages: {string.Join(", ", Pages.Select(p => $"{p.Items.Count} items {p.Fault}{(p.Fault == PageFault.Status ? " " + p.Status.ToString(CultureInfo.InvariantCulture) : string.Empty)} link {p.Link}"))}; max {MaxResponseBytes} bytes, {Attempts} attempts)");

    /// <summary>The source's settings for a server at <paramref name="baseUrl"/> and case <paramref name="number"/>.</summary>
    public string SettingsJson(string baseUrl, int number)
    {
        var settings = new JsonObject
        {
            ["name"] = "h",
            ["type"] = "http-json",
            ["url"] = $"{baseUrl.TrimEnd('/')}{Path(number)}?nam={{period}}",
            ["resilience"] = new JsonObject
            {
                ["attempts"] = Attempts,
                ["retryDelaySeconds"] = 0.005,
                ["attemptTimeoutSeconds"] = Stalls ? 0.15 : 4,
                ["totalTimeoutSeconds"] = Stalls ? 0.4 : 4.5,
            },
            ["items"] = Shape switch { 0 => "$.data.items[*]", 1 => "$", _ => "$.results" },
            ["unitPath"] = "$.ma_don_vi",
        };
        if (MaxResponseBytes < 50_000_000)
        {
            settings["maxResponseBytes"] = MaxResponseBytes;
        }

        switch (PagingMode)
        {
            case "page":
                settings["paging"] = new JsonObject { ["mode"] = "page", ["sizeParameter"] = "so_dong", ["size"] = Size, ["maxPages"] = MaxPages };
                break;
            case "offset":
                settings["paging"] = new JsonObject { ["mode"] = "offset", ["parameter"] = "tu", ["size"] = Size, ["maxPages"] = MaxPages };
                break;
            case "next-link":
                settings["paging"] = new JsonObject { ["mode"] = "next-link", ["nextPath"] = Shape == 0 ? "$.links.next" : "$.next", ["maxPages"] = MaxPages };
                break;
            default:
                break;
        }

        if (PeriodMode == 0)
        {
            settings["periodPath"] = "$.nam";
        }
        else if (PeriodMode == 1)
        {
            settings["period"] = Period;
        }

        switch (Mapping)
        {
            case HttpMapping.Long:
                settings["measurePath"] = "$.ma_chi_so";
                settings["valuePath"] = "$.gia_tri";
                break;
            case HttpMapping.Wide:
                var measures = new JsonObject();
                foreach (var (measure, path, _) in WideMeasures)
                {
                    measures[measure] = path;
                }

                if (MapsFormula)
                {
                    measures["m4"] = "$.tong";
                }

                settings["measures"] = measures;
                break;
            default:
                settings["records"] = "ho_so";
                var fields = new JsonObject();
                foreach (var (field, path, _) in RecordFields)
                {
                    fields[field] = path;
                }

                settings["fields"] = fields;
                break;
        }

        return settings.ToJsonString();
    }

    /// <summary>The page index a request asks for (-1: beyond the pages: an empty page).</summary>
    public int PageIndex(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        switch (PagingMode)
        {
            case "page":
                return int.TryParse(Value("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Endless ? 0 : page - 1 < Pages.Count ? page - 1 : -1 : -2;
            case "offset":
                if (!int.TryParse(Value("tu"), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                {
                    return -2;
                }

                if (Endless)
                {
                    return 0;
                }

                var start = 0;
                for (var i = 0; i < Pages.Count; i++)
                {
                    if (start == offset)
                    {
                        return i;
                    }

                    start += Pages[i].Items.Count;
                }

                return -1;
            case "next-link":
                return Value("p") is not { } p ? 0 : int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Pages.Count ? index : -1;
            default:
                return 0;
        }
    }

    /// <summary>The body of a page as the server writes it before any fault (faults that damage bytes come on top).</summary>
    public byte[] Body(int index, string baseUrl, int number)
    {
        if (index < 0)
        {
            return Encoding.UTF8.GetBytes(Wrap(new JsonArray(), null).ToJsonString());
        }

        var page = Pages[index];
        var items = new JsonArray([.. page.Items.Select(i => i?.DeepClone())]);
        JsonNode? next = null;
        if (PagingMode == "next-link" && Shape != 1)
        {
            var target = index + 1 < Pages.Count ? index + 1 : -1;
            var absolute = $"{baseUrl.TrimEnd('/')}{Path(number)}?nam={Period}&p=";
            next = page.Link switch
            {
                LinkFault.Self => index == 0 ? $"{baseUrl.TrimEnd('/')}{Path(number)}?nam={Period}" : absolute + index.ToString(CultureInfo.InvariantCulture),
                LinkFault.First => $"{baseUrl.TrimEnd('/')}{Path(number)}?nam={Period}",
                LinkFault.Foreign => "http://thong-ke.example.invalid/api?p=2",
                LinkFault.NotAString => JsonValue.Create(index + 1),
                LinkFault.Empty => target < 0 ? null : "",
                LinkFault.NotHttp => "mailto:so-tttt@baria-vungtau.gov.vn",
                _ when target < 0 => null,
                LinkFault.Relative => $"?nam={Period}&p={target.ToString(CultureInfo.InvariantCulture)}",
                LinkFault.RootRelative => $"{Path(number)}?nam={Period}&p={target.ToString(CultureInfo.InvariantCulture)}",
                LinkFault.Fragment => absolute + target.ToString(CultureInfo.InvariantCulture) + "#trang-sau",
                LinkFault.Cursor => absolute + target.ToString(CultureInfo.InvariantCulture) + "&cursor=%E1%BB%9Di%2F%3D%3D",
                _ => absolute + target.ToString(CultureInfo.InvariantCulture),
            };
        }

        JsonNode root = page.Fault switch
        {
            PageFault.NoItems => new JsonObject { ["error"] = "không có dữ liệu", ["ma_loi"] = 17 },
            PageFault.ItemsNotArray => Wrap(new JsonObject { ["0"] = items.Count }, next, raw: true),
            PageFault.ItemsNull => Wrap(null, next, raw: true),
            _ => Wrap(items, next),
        };
        var text = root.ToJsonString().Replace(HalfSurrogate, "so-\\uDEE7", StringComparison.Ordinal);
        if (page.Fault == PageFault.Padded)
        {
            text = text.Insert(1, new string(' ', 300_000)) + new string('\n', 100_000);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private JsonNode Wrap(JsonNode? items, JsonNode? next, bool raw = false) => Shape switch
    {
        0 => new JsonObject { ["data"] = new JsonObject { ["items"] = items, ["tong"] = (items as JsonArray)?.Count ?? 0 }, ["links"] = new JsonObject { ["next"] = next } },
        1 when !raw => items ?? new JsonArray(),
        1 => new JsonObject { ["items"] = items },
        _ => new JsonObject { ["results"] = items, ["next"] = next },
    };

    public static HttpFuzzCase Generate(int seed)
    {
        var random = new Random(seed);
        var mapping = (HttpMapping)random.Next(3);
        var pagingMode = new[] { "none", "page", "offset", "next-link", "next-link" }[random.Next(5)];
        var shape = pagingMode == "next-link" ? random.Next(2) * 2 : random.Next(3);
        var size = random.Next(1, 6);
        var endless = pagingMode is "page" or "offset" && random.Next(12) == 0;
        var pageCount = pagingMode == "none" ? 1 : endless ? 1 : random.Next(1, 5);
        var stalls = random.Next(60) == 0;
        var measures = new List<MeasureDefinition>
        {
            Fixtures.Measure("m1"), Fixtures.Measure("m2"), Fixtures.Measure("m3"),
            new() { Id = "m4", Name = new LocalizedText("m4"), Formula = "m1 + m2" },
        };
        var derived = mapping == HttpMapping.Records || random.Next(2) == 0 ? random.Next(1, 4) : 0;
        for (var i = 0; i < derived; i++)
        {
            var id = i == 0 ? "dung_han" : $"d{i}";
            string? Filter() => random.Next(3) == 0 ? null : Filters[random.Next(Filters.Length)];
            var field = RecordFields[random.Next(RecordFields.Length)].Field;
            measures.Add(new MeasureDefinition
            {
                Id = id,
                Name = new LocalizedText(id),
                Derivation = random.Next(5) switch
                {
                    0 => new MeasureDerivation { Records = "ho_so", Function = "count", Filter = Filter() },
                    1 => new MeasureDerivation { Records = "ho_so", Function = "sum", Field = field, Filter = Filter() },
                    2 => new MeasureDerivation { Records = "ho_so", Function = "mean", Field = field, Filter = Filter() },
                    3 => new MeasureDerivation { Records = "ho_so", Function = random.Next(2) == 0 ? "min" : "max", Field = field, Filter = Filter() },
                    _ => new MeasureDerivation { Records = "ho_so", Function = "ratio", Filter = Filter() ?? "dung_han = 1", DenominatorFilter = random.Next(3) == 0 ? Filter() : null },
                },
            });
        }

        var periodMode = random.Next(3);
        var pages = new List<FuzzPage>();
        for (var p = 0; p < pageCount; p++)
        {
            var full = pagingMode is "page" or "offset" && (endless || p < pageCount - 1);
            var count = full ? size : pagingMode is "page" or "offset" ? random.Next(0, size) : random.Next(0, 12);
            var items = new List<JsonNode?>();
            for (var i = 0; i < count; i++)
            {
                items.Add(random.Next(10) == 0 && items.Count > 0 ? items[random.Next(items.Count)]?.DeepClone() : Item(random, mapping));
            }

            var page = new FuzzPage { Items = items };
            if (random.Next(3) == 0)
            {
                page.Fault = (PageFault)random.Next(1, Enum.GetValues<PageFault>().Length);
                if (page.Fault == PageFault.Stall && !stalls)
                {
                    page.Fault = PageFault.Slow;
                }

                if (page.Fault == PageFault.Status)
                {
                    page.Status = new[] { 400, 401, 403, 404, 410, 418, 429, 500, 502, 503, 504, 301, 302, 204 }[random.Next(14)];
                }

                if (page.Fault == PageFault.DeepValue)
                {
                    // A value nested 200 deep: within the parser's depth limit, and not a number.
                    items.Add(new JsonObject { ["ma_don_vi"] = "so-yt", ["nam"] = Period, ["ma_chi_so"] = "m1", ["gia_tri"] = Nested(200), ["chi_so"] = Nested(200), ["dung_han"] = Nested(200) });
                }

                if (page.Fault == PageFault.Huge)
                {
                    for (var i = 0; i < 3000; i++)
                    {
                        items.Add(Item(random, mapping));
                    }
                }
            }

            if (pagingMode == "next-link" && random.Next(4) == 0)
            {
                page.Link = (LinkFault)random.Next(1, Enum.GetValues<LinkFault>().Length);
            }

            pages.Add(page);
        }

        // Strings that are no text come from a generator of their own, so that every older seed still makes its case
        // (the seeds kept in the tests replay what they failed on) but for these values.
        Sprinkle(pages, new Random(unchecked((seed * 7919) + 17)));
        return new HttpFuzzCase
        {
            Seed = seed,
            Mapping = mapping,
            PagingMode = pagingMode,
            Shape = shape,
            Pages = pages,
            Endless = endless,
            Size = size,
            MaxPages = endless ? random.Next(1, 5) : random.Next(4) == 0 ? random.Next(1, 4) : 50,
            Attempts = random.Next(1, 3),
            Stalls = stalls,
            MaxResponseBytes = random.Next(15) == 0 ? random.Next(1024, 6000) : 50_000_000,
            PeriodMode = periodMode,
            MapsFormula = mapping == HttpMapping.Wide && random.Next(30) == 0,
            Measures = [.. measures],
        };
    }

    /// <summary>Puts <see cref="HalfSurrogate"/> in place of one value of about one item in forty.</summary>
    private static void Sprinkle(List<FuzzPage> pages, Random random)
    {
        foreach (var item in pages.SelectMany(p => p.Items).OfType<JsonObject>())
        {
            if (item.Count > 0 && random.Next(40) == 0)
            {
                item[item.ElementAt(random.Next(item.Count)).Key] = JsonValue.Create(HalfSurrogate);
            }
        }
    }

    private static JsonNode? Item(Random random, HttpMapping mapping)
    {
        if (random.Next(30) == 0)
        {
            return random.Next(4) switch { 0 => null, 1 => JsonValue.Create("so-yt"), 2 => new JsonArray(JsonValue.Create(1)), _ => JsonValue.Create(747) };
        }

        var item = new JsonObject();
        if (random.Next(15) != 0)
        {
            item["ma_don_vi"] = Node(UnitValues[random.Next(UnitValues.Length)], random);
        }

        if (random.Next(12) != 0)
        {
            item["nam"] = Node(PeriodValues[random.Next(PeriodValues.Length)], random);
        }

        switch (mapping)
        {
            case HttpMapping.Long:
                if (random.Next(15) != 0)
                {
                    item["ma_chi_so"] = Node(MeasureValues[random.Next(MeasureValues.Length)], random);
                }

                if (random.Next(12) != 0)
                {
                    item["gia_tri"] = Value(random);
                }

                break;
            case HttpMapping.Wide:
                if (random.Next(10) != 0)
                {
                    item["chi_so"] = random.Next(15) == 0 ? Value(random) : new JsonObject { ["ha_tang"] = Value(random), ["dịch vụ công"] = Value(random) };
                }

                if (random.Next(6) != 0)
                {
                    item["nhan_luc"] = Value(random);
                }

                break;
            default:
                item["ma_ho_so"] = $"HS-{random.Next(100_000):D5}";
                if (random.Next(8) != 0)
                {
                    item["dung_han"] = random.Next(4) == 0 ? Value(random) : JsonValue.Create(random.Next(2));
                }

                if (random.Next(8) != 0)
                {
                    item["so_ngay_xu_ly"] = random.Next(4) == 0 ? Value(random) : JsonValue.Create(random.Next(0, 40) / 2.0);
                }

                if (random.Next(8) != 0)
                {
                    item["phi"] = random.Next(10) == 0 ? Value(random) : new JsonObject { ["le_phi"] = random.Next(3) == 0 ? Value(random) : JsonValue.Create(random.Next(0, 5) * 50_000) };
                }

                break;
        }

        return item;
    }

    /// <summary>A value: a number (some beyond double range, written as raw JSON), text, a boolean, null, an object, an array, deep nesting.</summary>
    private static JsonNode? Value(Random random) => random.Next(12) switch
    {
        0 or 1 or 2 => JsonNode.Parse(RawNumbers[random.Next(RawNumbers.Length)]),
        3 or 4 => JsonValue.Create(random.Next(0, 200) / 4.0),
        5 => Node(TextValues[random.Next(TextValues.Length)], random),
        6 => JsonValue.Create(random.Next(2) == 0),
        7 => null,
        8 => new JsonObject { ["gia_tri"] = 1 },
        9 => new JsonArray(JsonValue.Create(1), JsonValue.Create(2)),
        10 => Nested(random.Next(2, 40)),
        _ => JsonValue.Create(random.Next(-5, 100)),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static JsonNode? Node(object? value, Random random) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        int n => JsonValue.Create(n),
        double d => JsonNode.Parse(d == Math.Floor(d) ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture)),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(random.Next()),
    };
}
