using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Sheets;

namespace BRVT.Dti.Sources.Excel.Settings;

/// <summary>The checked settings of an <c>xlsx</c> source.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record WorkbookSettings
{
    public const long DefaultMaxUncompressedBytes = 200L * 1024 * 1024;
    public const int DefaultMaxCellTextLength = 32_767;
    public const int DefaultHeaderSearchRows = 50;

    private static readonly string[] Common =
        ["name", "type", "$comment", "path", "layout", "use", "period", "periodCell", "maxUncompressedBytes", "maxCellTextLength", "headerSearchRows", "skipRowsAfterHeader"];

    private static readonly string[] SheetPerUnitSettings = ["unitFrom", "columns", "skipSheets"];

    private static readonly string[] RowPerUnitSettings = ["sheet", "unitColumn", "measures", "verifiedColumns", "periodColumn"];

    public required string FullPath { get; init; }

    /// <summary>The path as shown in locations: relative to the workspace, with forward slashes.</summary>
    public required string DisplayPath { get; init; }

    public required WorkbookLayout Layout { get; init; }

    public required string UsedStage { get; init; }

    public string? Period { get; init; }

    public CellAddress? PeriodCell { get; init; }

    public string? PeriodColumn { get; init; }

    public long MaxUncompressedBytes { get; init; } = DefaultMaxUncompressedBytes;

    public int MaxCellTextLength { get; init; } = DefaultMaxCellTextLength;

    public int HeaderSearchRows { get; init; } = DefaultHeaderSearchRows;

    public int SkipRowsAfterHeader { get; init; }

    /// <summary>Sheet per unit: the cell holding the unit id, or <see langword="null"/> when the sheet's name is the unit.</summary>
    public CellAddress? UnitCell { get; init; }

    /// <summary>Sheet per unit: the measure id column's header.</summary>
    public string? MeasureHeader { get; init; }

    /// <summary>Sheet per unit: sheets that are not units' forms (instructions, summaries).</summary>
    public IReadOnlyList<string> SkipSheets { get; init; } = [];

    /// <summary>Row per unit: the sheet, or <see langword="null"/> for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Row per unit: the unit id column's header.</summary>
    public string? UnitColumn { get; init; }

    /// <summary>The stages configured (one or two), self-assessed first.</summary>
    public required IReadOnlyList<StageColumns> Stages { get; init; }

    public static WorkbookSettings Parse(SettingsReader reader)
    {
        var layoutText = reader.RequiredString("layout", "\"sheet-per-unit\" (each sheet is one unit's form) or \"row-per-unit\" (one sheet, one row per unit).");
        var layout = layoutText switch
        {
            "sheet-per-unit" => WorkbookLayout.SheetPerUnit,
            "row-per-unit" => WorkbookLayout.RowPerUnit,
            _ => throw reader.Error("layout", $"Unknown layout '{layoutText}'. Use \"sheet-per-unit\" or \"row-per-unit\"."),
        };
        reader.RejectUnknown([.. Common, .. layout == WorkbookLayout.SheetPerUnit ? SheetPerUnitSettings : RowPerUnitSettings]);

        var configuration = reader.Configuration;
        var pathText = reader.RequiredString("path", "the workbook's path inside the workspace, e.g. \"data/tu-danh-gia-2023.xlsx\".");
        var fullPath = configuration.ResolvePath(pathText, "path");
        var display = Path.GetRelativePath(Path.GetFullPath(configuration.BaseDirectory), fullPath).Replace('\\', '/');

        var period = reader.OptionalString("period");
        var periodCell = OptionalCell(reader, "periodCell");
        var periodColumn = layout == WorkbookLayout.RowPerUnit ? reader.OptionalString("periodColumn") : null;
        var periodWays = (period is null ? 0 : 1) + (periodCell is null ? 0 : 1) + (periodColumn is null ? 0 : 1);
        if (periodWays != 1)
        {
            var ways = layout == WorkbookLayout.RowPerUnit ? "\"period\" (e.g. \"2023\"), \"periodCell\" (e.g. \"B3\") or \"periodColumn\" (a header)" : "\"period\" (e.g. \"2023\") or \"periodCell\" (e.g. \"B3\", on every unit's sheet)";
            throw reader.Error(periodWays == 0 ? string.Empty : "period", $"Say which period the workbook is for with exactly one of {ways}.");
        }

        var common = new
        {
            MaxBytes = reader.OptionalInteger("maxUncompressedBytes", DefaultMaxUncompressedBytes, 1024, 16L * 1024 * 1024 * 1024),
            MaxText = (int)reader.OptionalInteger("maxCellTextLength", DefaultMaxCellTextLength, 16, 10_000_000),
            SearchRows = (int)reader.OptionalInteger("headerSearchRows", DefaultHeaderSearchRows, 1, 10_000),
            Skip = (int)reader.OptionalInteger("skipRowsAfterHeader", 0, 0, 1_000),
        };

        var stages = layout == WorkbookLayout.SheetPerUnit ? SheetStages(reader, out var measureHeader) : RowStages(reader, out measureHeader);
        var useText = reader.OptionalString("use");
        var used = useText switch
        {
            null => stages.Any(s => s.Stage == AssessmentStages.Verified) ? AssessmentStages.Verified : AssessmentStages.SelfAssessed,
            AssessmentStages.Verified or AssessmentStages.SelfAssessed => useText,
            _ => throw reader.Error("use", $"Unknown stage '{useText}'. Use \"verified\" (the default) or \"self-assessed\"."),
        };
        if (!stages.Any(s => s.Stage == used))
        {
            var where = layout == WorkbookLayout.SheetPerUnit
                ? (used == AssessmentStages.Verified ? "\"columns\": { \"verified\": \"<header>\" }" : "\"columns\": { \"selfAssessed\": \"<header>\" }")
                : (used == AssessmentStages.Verified ? "\"verifiedColumns\"" : "\"measures\"");
            throw reader.Error("use", $"\"use\" is \"{used}\" but the workbook's {used} values are not configured. Configure {where}, or change \"use\".");
        }

        CellAddress? unitCell = null;
        if (layout == WorkbookLayout.SheetPerUnit)
        {
            var unitFrom = reader.OptionalString("unitFrom") ?? "sheetName";
            if (!string.Equals(unitFrom, "sheetName", StringComparison.Ordinal))
            {
                unitCell = CellAddress.TryParse(unitFrom, out var cell)
                    ? cell
                    : throw reader.Error("unitFrom", $"\"unitFrom\" is '{unitFrom}'. Write \"sheetName\" (each sheet is named by its unit's id) or a cell such as \"B2\" that holds the unit id on every sheet.");
            }
        }

        return new WorkbookSettings
        {
            FullPath = fullPath,
            DisplayPath = display,
            Layout = layout,
            UsedStage = used,
            Period = period,
            PeriodCell = periodCell,
            PeriodColumn = periodColumn,
            MaxUncompressedBytes = common.MaxBytes,
            MaxCellTextLength = common.MaxText,
            HeaderSearchRows = common.SearchRows,
            SkipRowsAfterHeader = common.Skip,
            UnitCell = unitCell,
            MeasureHeader = measureHeader,
            SkipSheets = layout == WorkbookLayout.SheetPerUnit ? reader.OptionalStringArray("skipSheets") : [],
            Sheet = layout == WorkbookLayout.RowPerUnit ? reader.OptionalString("sheet") : null,
            UnitColumn = layout == WorkbookLayout.RowPerUnit ? reader.RequiredString("unitColumn", "the header of the column that holds each row's unit id.") : null,
            Stages = stages,
        };
    }

    private static CellAddress? OptionalCell(SettingsReader reader, string setting)
    {
        var text = reader.OptionalString(setting);
        if (text is null)
        {
            return null;
        }

        return CellAddress.TryParse(text, out var cell) ? cell : throw reader.Error(setting, $"'{text}' is not a cell. Write a cell in A1 style, e.g. \"B3\".");
    }

    private static List<StageColumns> SheetStages(SettingsReader reader, out string? measureHeader)
    {
        var columns = reader.OptionalObject("columns") ?? throw reader.Error("columns",
            "The setting \"columns\" is required: the headers of the form's table, e.g. { \"measure\": \"Mã chỉ tiêu\", \"selfAssessed\": \"Điểm tự chấm\", \"verified\": \"Điểm thẩm định\" }.");
        var map = reader.StringMap(columns, "columns", allowEmpty: false);
        foreach (var entry in map)
        {
            if (entry.Key is not ("measure" or "selfAssessed" or "verified"))
            {
                throw reader.Error($"columns/{entry.Key}", $"Unknown column \"{entry.Key}\". \"columns\" names \"measure\", \"selfAssessed\" and \"verified\".");
            }
        }

        string? Get(string key) => map.FirstOrDefault(p => p.Key == key).Value;
        measureHeader = Get("measure") ?? throw reader.Error("columns", "\"columns\" needs \"measure\": the header of the column that holds each row's measure id.");
        var stages = new List<StageColumns>();
        if (Get("selfAssessed") is { } self)
        {
            stages.Add(new StageColumns(AssessmentStages.SelfAssessed, self, []));
        }

        if (Get("verified") is { } verified)
        {
            stages.Add(new StageColumns(AssessmentStages.Verified, verified, []));
        }

        return stages.Count > 0
            ? stages
            : throw reader.Error("columns", "\"columns\" needs \"selfAssessed\", \"verified\" or both: the headers of the value columns.");
    }

    private static List<StageColumns> RowStages(SettingsReader reader, out string? measureHeader)
    {
        measureHeader = null;
        var measures = reader.OptionalStringMap("measures") ?? throw reader.Error("measures",
            "The setting \"measures\" is required: measure id → header of its column (the self-assessed values when \"verifiedColumns\" is also given), e.g. { \"ha_tang\": \"Hạ tầng số\" }.");
        var stages = new List<StageColumns> { new(AssessmentStages.SelfAssessed, null, measures) };
        if (reader.OptionalStringMap("verifiedColumns") is { } verified)
        {
            stages.Add(new StageColumns(AssessmentStages.Verified, null, verified));
        }
        else
        {
            // A single block of values is the stage "use" names; by default the self-assessed one.
            return [stages[0] with { Stage = reader.OptionalString("use") == AssessmentStages.Verified ? AssessmentStages.Verified : AssessmentStages.SelfAssessed }];
        }

        return stages;
    }
}
