using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class SheetPerUnitTests : IDisposable
{
    private const string Settings = """
        { "name": "forms", "type": "xlsx", "path": "in/forms.xlsx", "layout": "sheet-per-unit", "period": "2023",
          "columns": { "measure": "Mã chỉ tiêu", "selfAssessed": "Điểm Tự chấm", "verified": "điểm   THẨM ĐỊNH" } }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    /// <summary>
    /// A unit's form as units send it: a merged title, the unit and year, a two-row header ("Điểm" merged over
    /// "Tự chấm | Thẩm định", "Mã chỉ tiêu" merged down over both rows and written decomposed), a merged heading row,
    /// measure rows, a blank row and a signature line.
    /// </summary>
    public static TestSheet Form(TestWorkbook book, string sheet, string unit, object year, params (string Measure, object? Self, object? Verified)[] rows)
    {
        var form = book.Sheet(sheet)
            .Set("A1", "BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ").Merge("A1:E1")
            .Set("A2", "Đơn vị:").Set("B2", unit).Merge("B2:E2")
            .Set("A3", "Năm:").Set("B3", year)
            .Set("A4", "Mã chỉ tiêu".Normalize(NormalizationForm.FormD)).Merge("A4:A5")
            .Set("B4", "Tên chỉ tiêu").Merge("B4:B5")
            .Set("C4", "Điểm").Merge("C4:D4")
            .Set("E4", "Ghi chú").Merge("E4:E5")
            .Set("C5", "Tự chấm").Set("D5", "Thẩm\nđịnh")
            .Set("A6", "I. HẠ TẦNG SỐ").Merge("A6:E6");
        var row = 7;
        foreach (var (measure, self, verified) in rows)
        {
            form.Row(row++, "A", measure.Length == 0 ? null : measure, "Chỉ tiêu " + measure, self, verified);
        }

        form.Set($"A{row + 1}", "Người lập biểu");
        return form;
    }

    [Fact]
    public async Task ReadAsync_FormsWithMergedTwoRowHeaders_ReadsVerifiedValuesCellByCell()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("m2", 9, 8.5));
        Form(book, "UBND Phường 1", "p1", 2023, ("m1", 50, 55.25), ("m3", true, false));
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var result = await workspace.Reader(Settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                ("so-yt", "m1", "2023", 75.0, "in/forms.xlsx 'so-yt'!D7", "verified"),
                ("so-yt", "m2", "2023", 8.5, "in/forms.xlsx 'so-yt'!D8", "verified"),
                ("p1", "m1", "2023", 55.25, "in/forms.xlsx 'UBND Phường 1'!D7", "verified"),
                ("p1", "m3", "2023", 0.0, "in/forms.xlsx 'UBND Phường 1'!D8", "verified"),
            ],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Period, o.Value, o.Provenance.Location, o.Provenance.Stage!)));
        Assert.All(result.Observations, o => Assert.Equal("forms", o.Provenance.Source));
        Assert.Equal(("forms", 4L, 4L, 0), (result.Account.Source, result.Account.RowsRead, result.Account.RowsAccepted, result.Account.Rejected.Count));
    }

    [Fact]
    public async Task ReadAsync_UseSelfAssessed_ReadsTheSelfAssessedColumn()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("m2", 9, null));
        book.Save(workspace.PathOf("in/forms.xlsx"));
        var settings = Settings.Replace("\"period\": \"2023\"", "\"period\": \"2023\", \"use\": \"self-assessed\"", StringComparison.Ordinal);

        var reader = workspace.Reader(settings);
        var result = await reader.ReadAsync(Assessment.Request());

        Assert.Equal(AssessmentStages.SelfAssessed, reader.UsedStage);
        Assert.Equal([("m1", 80.0, "in/forms.xlsx 'so-yt'!C7"), ("m2", 9.0, "in/forms.xlsx 'so-yt'!C8")], result.Observations.Select(o => (o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.All(result.Observations, o => Assert.Equal(AssessmentStages.SelfAssessed, o.Provenance.Stage));
    }

    [Fact]
    public async Task ReadBothStagesAsync_Forms_PairsSelfAssessedWithVerified()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("m2", 9, null), ("m3", null, "x"));
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var result = await workspace.Reader(Settings).ReadBothStagesAsync(Assessment.Request());

        Assert.Equal(3, result.Pairs.Count);
        var m1 = result.Pairs[0];
        Assert.Equal(("so-yt", "m1", "2023"), (m1.UnitId, m1.MeasureId, m1.Period));
        Assert.Equal((80.0, "in/forms.xlsx 'so-yt'!C7", "self-assessed"), (m1.SelfAssessed!.Value, m1.SelfAssessed.Provenance.Location, m1.SelfAssessed.Provenance.Stage!));
        Assert.Equal((75.0, "in/forms.xlsx 'so-yt'!D7", "verified"), (m1.Verified!.Value, m1.Verified.Provenance.Location, m1.Verified.Provenance.Stage!));
        Assert.Equal(-5, m1.Adjustment);

        // An empty verified cell is a missing value, kept with its location.
        var m2 = result.Pairs[1];
        Assert.Equal(9, m2.SelfAssessed!.Value);
        Assert.True(double.IsNaN(m2.Verified!.Value));
        Assert.Equal("in/forms.xlsx 'so-yt'!D8", m2.Verified.Provenance.Location);
        Assert.True(double.IsNaN(m2.Adjustment));

        // Text in the verified cell is rejected; the self-assessed cell (empty) stays a missing value.
        var m3 = result.Pairs[2];
        Assert.True(double.IsNaN(m3.SelfAssessed!.Value));
        Assert.Null(m3.Verified);
        Assert.Equal(6, result.Account.RowsRead);
        Assert.Equal(5, result.Account.RowsAccepted);
        var rejected = Assert.Single(result.Account.Rejected);
        Assert.Equal("in/forms.xlsx 'so-yt'!D9", rejected.Location);
        Assert.StartsWith("the cell holds the text 'x', not a number", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBothStagesAsync_BadCells_RejectsEachWithItsCellAndReason()
    {
        var book = new TestWorkbook();
        var form = Form(
            book,
            "so-gd",
            "so-gd",
            2023,
            ("m1", "Đạt", 70),
            ("m2", 7, null),
            ("m3", "8,5", TestCell.Error("#DIV/0!")),
            ("m1", 50, 50),
            ("m9", 1, 1),
            ("", 5, 5),
            ("m2", 1, TestCell.Uncalculated("C12*2")),
            ("m4", 3, 3),
            ("m3", 1, 8.5),
            ("m3", 2, null));
        form.Merge("C8:D8");
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var both = await workspace.Reader(Settings).ReadBothStagesAsync(Assessment.Request());
        var reasons = both.Account.Rejected.ToDictionary(r => Cell(r.Location), r => r.Reason);

        Assert.Equal(["C7", "C8", "D8", "C9", "D9", "D10", "C11", "D11", "C12", "D12", "D13", "C14", "D14", "C16", "D16"], reasons.Keys);
        Assert.All(both.Account.Rejected, r => Assert.StartsWith("in/forms.xlsx 'so-gd'!", r.Location, StringComparison.Ordinal));
        Assert.StartsWith("the cell holds the text 'Đạt', not a number", reasons["C7"], StringComparison.Ordinal);
        Assert.Equal("the cell is part of the merged range C8:D8; unmerge it and give each stage its own value", reasons["C8"]);
        Assert.Equal(reasons["C8"], reasons["D8"]);
        Assert.Equal("the cell holds the text '8,5', which uses a decimal comma; enter the value as a number (or write it with a decimal point, e.g. '8.5')", reasons["C9"]);
        Assert.StartsWith("the cell shows the formula error #DIV/0!; correct the formula", reasons["D9"], StringComparison.Ordinal);
        Assert.Equal("duplicate: unit 'so-gd' already has a verified value of 'm1' for 2023 at in/forms.xlsx 'so-gd'!D7, which was kept; remove one of them", reasons["D10"]);
        Assert.Equal("the measure 'm9' is not declared by the index definition; correct the measure id", reasons["C11"]);
        Assert.Equal("there is a value but no measure id in column A; write the measure id", reasons["D12"]);
        Assert.StartsWith("the cell holds the formula =C12*2 but no calculated value", reasons["D13"], StringComparison.Ordinal);
        Assert.StartsWith("the measure 'm4' is computed by the formula 'm1 + m2'", reasons["C14"], StringComparison.Ordinal);
        Assert.Equal("duplicate: unit 'so-gd' already has a self-assessed value of 'm3' for 2023 at in/forms.xlsx 'so-gd'!C15, which was kept; remove one of them", reasons["C16"]);
        Assert.Equal(new SourceAccount("forms", 20, 5, both.Account.Rejected), both.Account);

        // C10 is accepted: the first self-assessed m1 (C7) was rejected, so C10 is not a duplicate of a kept value.
        Assert.Equal(
            [("m1", "self-assessed", 50.0, "C10"), ("m1", "verified", 70.0, "D7"), ("m2", "self-assessed", 1.0, "C13"), ("m3", "self-assessed", 1.0, "C15"), ("m3", "verified", 8.5, "D15")],
            both.Pairs.SelectMany(p => new[] { p.SelfAssessed, p.Verified }).OfType<Observation>()
                .Select(o => (o.MeasureId, o.Provenance.Stage!, o.Value, Cell(o.Provenance.Location))));
    }

    [Fact]
    public async Task ReadAsync_BadCells_CountsOnlyTheStageInUse()
    {
        var book = new TestWorkbook();
        Form(book, "so-gd", "so-gd", 2023, ("m1", "Đạt", 70), ("m2", TestCell.Error("#REF!"), 6));
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var result = await workspace.Reader(Settings).ReadAsync(Assessment.Request());

        Assert.Equal((2L, 2L, 0), (result.Account.RowsRead, result.Account.RowsAccepted, result.Account.Rejected.Count));
        Assert.Equal([70.0, 6.0], result.Observations.Select(o => o.Value));
    }

    private static string Cell(string location) => location[(location.IndexOf('!', StringComparison.Ordinal) + 1)..];

    [Fact]
    public async Task ReadAsync_StrictMode_StopsAtTheFirstBadCellNamingIt()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("m2", 9, TestCell.Error("#N/A")), ("m3", 1, "abc"));
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request(mode: RejectionMode.Strict)).AsTask());

        Assert.Equal("forms", exception.Source);
        Assert.StartsWith("forms: in/forms.xlsx 'so-yt'!D8: the cell shows the formula error #N/A", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownUnitAndOtherPeriod_RejectsTheirCells()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2022, ("m1", 80, 75));
        Form(book, "Sở Nội vụ", "so-nv", 2023, ("m1", 60, 65));
        Form(book, "Sở Giáo dục và đào tạo", "so-gd", 2023, ("m1", 61, 66));
        book.Save(workspace.PathOf("in/forms.xlsx"));
        var settings = Settings.Replace("\"period\": \"2023\"", "\"periodCell\": \"B3\"", StringComparison.Ordinal);

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                new RejectedRow("in/forms.xlsx 'so-yt'!D7", "period 2022 is not the period assessed (2023)"),
                new RejectedRow("in/forms.xlsx 'Sở Nội vụ'!D7", "the unit 'Sở Nội vụ' (the sheet's name) is not in the assessment's unit list; correct the id (or the name) or add the unit"),
            ],
            result.Account.Rejected);

        // A sheet named by the unit's name (case aside) is that unit.
        var observation = Assert.Single(result.Observations);
        Assert.Equal(("so-gd", 66.0), (observation.UnitId, observation.Value));
        Assert.True(result.Account.Balances);
    }

    [Fact]
    public async Task ReadAsync_UnitFromMergedCell_ReadsTheUnitFromTheCell()
    {
        var book = new TestWorkbook();
        Form(book, "Biểu 01", "so-yt", 2023, ("m1", 80, 75));
        Form(book, "Biểu 02", "  p1 ", 2023, ("m1", 50, 55));
        Form(book, "Biểu 03", " ", 2023, ("m1", 1, 2));
        book.Sheet("Hướng dẫn").Set("A1", "Điền số liệu vào cột D");
        book.Sheet("Trống");
        book.Save(workspace.PathOf("in/forms.xlsx"));
        var settings = Settings.Replace("\"period\": \"2023\"", "\"period\": 2023, \"unitFrom\": \"B2\", \"skipSheets\": [\"Hướng dẫn\"]", StringComparison.Ordinal);

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        Assert.Equal([("so-yt", 75.0), ("p1", 55.0)], result.Observations.Select(o => (o.UnitId, o.Value)));
        var rejected = Assert.Single(result.Account.Rejected);
        Assert.Equal(new RejectedRow("in/forms.xlsx 'Biểu 03'!D7", "there is no unit id (cell 'Biểu 03'!B2 is empty); write the unit's id there"), rejected);
    }

    [Fact]
    public async Task ReadAsync_SheetWithoutHeader_ThrowsNamingTheSheetAndTheMissingHeader()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75));
        book.Sheet("Ghi chú").Set("A1", "Mã chỉ tiêu").Set("B1", "Điểm tự chấm");
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Contains("in/forms.xlsx: sheet 'Ghi chú': no header row with 'Mã chỉ tiêu', 'điểm   THẨM ĐỊNH' in its first 50 rows", exception.Message, StringComparison.Ordinal);
        Assert.Contains("row 1 comes closest but lacks 'điểm   THẨM ĐỊNH'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"skipSheets\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AmbiguousHeader_ThrowsNamingTheColumns()
    {
        var book = new TestWorkbook();
        book.Sheet("so-yt").Row(1, "A", "Mã chỉ tiêu", "Thẩm định", "Thẩm định").Row(2, "A", "m1", 1, 2);
        book.Save(workspace.PathOf("in/forms.xlsx"));
        const string settings = """{ "path": "in/forms.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "Mã chỉ tiêu", "verified": "Thẩm định" } }""";

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Contains("the header 'Thẩm định' appears in columns B, C of row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RichTextInlineAndFormulaCells_ReadsTheirValues()
    {
        var book = new TestWorkbook();
        book.Sheet("so-yt")
            .Row(1, "A", TestCell.Rich("Mã ", "chỉ tiêu"), TestCell.Inline("Thẩm định"))
            .Row(2, "A", TestCell.Inline("m1"), TestCell.Calculated("1+1", 2))
            .Row(3, "A", "m2", TestCell.Inline(" 7.5 "))
            .Row(4, "A", "m3", -1.5e-3);
        book.Save(workspace.PathOf("in/forms.xlsx"));
        const string settings = """{ "path": "in/forms.xlsx", "layout": "sheet-per-unit", "period": "2023", "columns": { "measure": "Mã chỉ tiêu", "verified": "Thẩm định" } }""";

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        Assert.Equal([("m1", 2.0), ("m2", 7.5), ("m3", -1.5e-3)], result.Observations.Select(o => (o.MeasureId, o.Value)));
    }

    [Fact]
    public async Task ReadAsync_TextLongerThanTheCap_IsRejected()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, new string('9', 300)), ("m2", 1, 2));
        book.Save(workspace.PathOf("in/forms.xlsx"));
        var settings = Settings.Replace("\"period\": \"2023\"", "\"period\": \"2023\", \"maxCellTextLength\": 200", StringComparison.Ordinal);

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        var rejected = Assert.Single(result.Account.Rejected);
        Assert.Equal("in/forms.xlsx 'so-yt'!D7", rejected.Location);
        Assert.Contains("longer than 200 characters (setting \"maxCellTextLength\")", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(2.0, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public async Task ReadAsync_MeasureCellMergedOverTwoRows_RejectsBothRows()
    {
        var book = new TestWorkbook();
        Form(book, "so-yt", "so-yt", 2023, ("m1", 80, 75), ("", 70, 65), ("m2", 1, 2)).Merge("A7:A8");
        book.Save(workspace.PathOf("in/forms.xlsx"));

        var result = await workspace.Reader(Settings).ReadAsync(Assessment.Request());

        Assert.Equal(["in/forms.xlsx 'so-yt'!D7", "in/forms.xlsx 'so-yt'!D8"], result.Account.Rejected.Select(r => r.Location));
        Assert.All(result.Account.Rejected, r => Assert.StartsWith("the measure id cell A", r.Reason, StringComparison.Ordinal));
        Assert.Contains("merged range A7:A8", result.Account.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("m2", Assert.Single(result.Observations).MeasureId);
    }
}
