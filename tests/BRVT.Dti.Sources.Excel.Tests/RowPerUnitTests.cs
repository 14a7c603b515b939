using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class RowPerUnitTests : IDisposable
{
    private const string Settings = """
        { "name": "tong-hop", "type": "xlsx", "path": "tong-hop.xlsx", "layout": "row-per-unit", "sheet": "Tổng hợp",
          "unitColumn": "Mã đơn vị", "periodColumn": "Năm",
          "measures": { "m1": "Tự đánh giá Hạ tầng", "m2": "Tự đánh giá Dịch vụ" },
          "verifiedColumns": { "m1": "Thẩm định Hạ tầng", "m2": "thẩm định dịch vụ" } }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    /// <summary>
    /// A summary sheet: a merged title, a two-row header with the blocks "Tự đánh giá" and "Thẩm định" merged over
    /// their measure columns, other headers merged down, a group heading merged across, and a totals row.
    /// </summary>
    private static TestWorkbook Summary()
    {
        var book = new TestWorkbook();
        book.Sheet("Hướng dẫn").Set("A1", "Nhập số liệu ở sheet Tổng hợp");
        book.Sheet("Tổng hợp")
            .Set("A1", "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ DTI NĂM 2023").Merge("A1:H1")
            .Row(2, "A", "STT", "Mã đơn vị", "Tên đơn vị", "Tự đánh giá", null, "Thẩm định", null, "Năm")
            .Merge("A2:A3").Merge("B2:B3").Merge("C2:C3").Merge("D2:E2").Merge("F2:G2").Merge("H2:H3")
            .Row(3, "D", "Hạ tầng", "Dịch vụ", "Hạ tầng", "Dịch vụ")
            .Row(4, "A", 1, "so-yt", "Sở Y tế", 80, 9, 75, 8.5, 2023)
            .Row(5, "A", 2, "so-gd", "Sở Giáo dục và Đào tạo", 60, 7, 60, null, 2023)
            .Set("A6", "Khối UBND cấp xã").Merge("A6:H6")
            .Row(7, "A", 3, "p1", "UBND phường 1", 50, 5, 55, 6, 2022)
            .Row(8, "A", 4, "xyz", "Không rõ", 1, 1, 1, 1, 2023)
            .Row(9, "C", "Tổng cộng", 191, 22, 191, 15.5);
        return book;
    }

    [Fact]
    public async Task ReadAsync_SummarySheet_ReadsVerifiedBlockCellByCell()
    {
        Summary().Save(workspace.PathOf("tong-hop.xlsx"));

        var result = await workspace.Reader(Settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            [
                ("so-yt", "m1", 75.0, "tong-hop.xlsx 'Tổng hợp'!F4"),
                ("so-yt", "m2", 8.5, "tong-hop.xlsx 'Tổng hợp'!G4"),
                ("so-gd", "m1", 60.0, "tong-hop.xlsx 'Tổng hợp'!F5"),
                ("so-gd", "m2", double.NaN, "tong-hop.xlsx 'Tổng hợp'!G5"),
            ],
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.All(result.Observations, o => Assert.Equal(("2023", "verified", "tong-hop"), (o.Period, o.Provenance.Stage!, o.Provenance.Source)));
        Assert.Equal(
            [
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!F7", "period 2022 is not the period assessed (2023)"),
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!G7", "period 2022 is not the period assessed (2023)"),
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!F8", "the unit 'xyz' (column B) is not in the assessment's unit list; correct the id (or the name) or add the unit"),
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!G8", "the unit 'xyz' (column B) is not in the assessment's unit list; correct the id (or the name) or add the unit"),
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!F9", "there is a value but no unit id in column B; write the unit id"),
                new RejectedRow("tong-hop.xlsx 'Tổng hợp'!G9", "there is a value but no unit id in column B; write the unit id"),
            ],
            result.Account.Rejected);
        Assert.Equal((10L, 4L), (result.Account.RowsRead, result.Account.RowsAccepted));
    }

    [Fact]
    public async Task ReadBothStagesAsync_SummarySheet_PairsTheTwoBlocks()
    {
        Summary().Save(workspace.PathOf("tong-hop.xlsx"));

        var result = await workspace.Reader(Settings).ReadBothStagesAsync(Assessment.Request());

        Assert.Equal(
            [("so-yt", "m1", 80.0, 75.0), ("so-yt", "m2", 9.0, 8.5), ("so-gd", "m1", 60.0, 60.0), ("so-gd", "m2", 7.0, double.NaN)],
            result.Pairs.Select(p => (p.UnitId, p.MeasureId, p.SelfAssessed!.Value, p.Verified!.Value)));
        Assert.Equal("tong-hop.xlsx 'Tổng hợp'!E4", result.Pairs[1].SelfAssessed!.Provenance.Location);
        Assert.Equal((20L, 8L, 12), (result.Account.RowsRead, result.Account.RowsAccepted, result.Account.Rejected.Count));
    }

    [Fact]
    public async Task ReadAsync_OneBlockMarkedVerified_ReadsItAsVerified()
    {
        var book = new TestWorkbook();
        book.Sheet("KQ").Row(1, "A", "Đơn vị", "Chỉ số 1").Row(2, "A", "Sở Y tế", 70).Row(3, "A", "p1", 40);
        book.Save(workspace.PathOf("kq.xlsx"));
        const string settings = """{ "path": "kq.xlsx", "layout": "row-per-unit", "period": "2023", "use": "verified", "unitColumn": "đơn vị", "measures": { "m1": "Chỉ số 1" } }""";

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        Assert.Equal([("so-yt", 70.0, "verified", "kq.xlsx KQ!B2"), ("p1", 40.0, "verified", "kq.xlsx KQ!B3")], result.Observations.Select(o => (o.UnitId, o.Value, o.Provenance.Stage!, o.Provenance.Location)));
    }

    [Fact]
    public async Task ReadAsync_MissingSheet_ThrowsNamingItAndTheSheetsThereAre()
    {
        Summary().Save(workspace.PathOf("tong-hop.xlsx"));
        var settings = Settings.Replace("\"Tổng hợp\"", "\"Tong hop\"", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal("tong-hop: tong-hop.xlsx: there is no sheet 'Tong hop' (setting \"sheet\"); the workbook has 'Hướng dẫn', 'Tổng hợp'.", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingColumn_ThrowsNamingIt()
    {
        Summary().Save(workspace.PathOf("tong-hop.xlsx"));
        var settings = Settings.Replace("\"Thẩm định Hạ tầng\"", "\"Thẩm định Nhân lực\"", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Contains("sheet 'Tổng hợp': no header row with 'Mã đơn vị', 'Thẩm định Nhân lực', 'thẩm định dịch vụ', 'Năm' in its first 50 rows; row 3 comes closest but lacks 'Thẩm định Nhân lực'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MappedMeasureNotDeclared_ThrowsNamingTheSetting()
    {
        Summary().Save(workspace.PathOf("tong-hop.xlsx"));
        var settings = Settings.Replace("{ \"m1\": \"Thẩm định Hạ tầng\"", "{ \"m7\": \"Thẩm định Hạ tầng\"", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Equal("tong-hop: tong-hop.xlsx: the setting \"verifiedColumns\" maps a column to 'm7': the measure 'm7' is not declared by the index definition; correct the measure id.", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_DuplicateUnitRows_KeepsTheFirst()
    {
        var book = new TestWorkbook();
        book.Sheet("KQ").Row(1, "A", "Đơn vị", "Chỉ số 1").Row(2, "A", "so-yt", 70).Row(3, "A", "Sở Y tế", 40);
        book.Save(workspace.PathOf("kq.xlsx"));
        const string settings = """{ "path": "kq.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "Đơn vị", "measures": { "m1": "Chỉ số 1" } }""";

        var result = await workspace.Reader(settings).ReadAsync(Assessment.Request());

        Assert.Equal(70, Assert.Single(result.Observations).Value);
        Assert.Equal(
            new RejectedRow("kq.xlsx KQ!B3", "duplicate: unit 'so-yt' already has a self-assessed value of 'm1' for 2023 at kq.xlsx KQ!B2, which was kept; remove one of them"),
            Assert.Single(result.Account.Rejected));
    }
}
