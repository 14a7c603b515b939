using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Results;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace BRVT.Dti.Reporting.Tests.Excel;

public sealed class ExcelReportWriterTests
{
    private static readonly Lazy<byte[]> Bytes = new(() => Write(ReportScenario.Content));

    [Fact]
    public void WriteAsync_Scenario_HasTheExpectedSheetsInOrder()
    {
        using var workbook = Open();
        Assert.Equal(
            ["Xếp hạng (so-co-dvc)", "Xếp hạng (so-khong-dvc)", "Điểm theo chỉ tiêu", "Giải trình điểm", "Tự đánh giá và thẩm định", "So sánh với kỳ trước", "Độ bất định của thứ hạng", "Thông tin tái lập kết quả"],
            workbook.SheetNames);
    }

    [Fact]
    public void WriteAsync_Scenario_PassesTheOpenXmlValidator()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Bytes.Value), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void WriteAsync_RankingSheets_HoldRanksPointsAndValuesAsNumbersCellByCell()
    {
        var content = ReportScenario.Content;
        var model = ReportModel.Create(content);
        using var workbook = Open();
        foreach (var group in model.Groups)
        {
            var rows = workbook.Rows($"Xếp hạng ({group.Id})");
            var header = Workbook.Header(rows[0]);
            Assert.All(rows[0].Values, c => Assert.Equal(1u, c.StyleIndex!.Value));
            Assert.Equal(group.Units.Count, rows.Skip(1).Count(r => r.ContainsKey("B") && r["B"].DataType!.Value == CellValues.InlineString));
            for (var i = 0; i < group.Units.Count; i++)
            {
                var unit = group.Units[i];
                var row = rows[i + 1];
                Assert.Equal(unit.Unit.Id, Workbook.Text(row[header["Mã"]]));
                Assert.Equal(unit.Unit.Name.Vi, Workbook.Text(row[header["Tên đơn vị"]]));
                if (unit.Rank is { } rank)
                {
                    Assert.Equal(rank, Workbook.Number(row[header["Hạng"]]));
                }
                else
                {
                    Assert.False(row.ContainsKey(header["Hạng"]), "an unranked unit has no rank cell");
                }

                Assert.Equal(unit.Total.Points, Workbook.Number(row[header["Điểm"]]));
                Assert.Equal(unit.Total.MaxPoints, Workbook.Number(row[header["Điểm tối đa"]]));
                Assert.Equal(unit.Total.Value, Workbook.Number(row[header["Chỉ số DTI"]]));
                Assert.Equal(model.BandName(unit.Band), Workbook.Text(row[header["Xếp loại"]]));
                Assert.Equal(2u, row[header["Chỉ số DTI"]].StyleIndex!.Value);
                foreach (var n in model.MainNodes)
                {
                    var value = unit.Nodes[n].Value;
                    var column = header[model.NodeTitle(n)];
                    if (double.IsFinite(value))
                    {
                        Assert.Equal(value, Workbook.Number(row[column]));
                    }
                    else
                    {
                        Assert.False(row.ContainsKey(column), $"{unit.Unit.Id} has no value on {model.NodeTitle(n)}: the cell stays empty");
                    }
                }
            }

            var pane = workbook.Sheet($"Xếp hạng ({group.Id})").GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.NotNull(workbook.Sheet($"Xếp hạng ({group.Id})").GetFirstChild<Columns>());
            Assert.NotNull(workbook.Sheet($"Xếp hạng ({group.Id})").GetFirstChild<AutoFilter>());
        }
    }

    [Fact]
    public void WriteAsync_PointsPerNode_HoldsEveryUnitsPointsOnEveryNode()
    {
        var content = ReportScenario.Content;
        var model = ReportModel.Create(content);
        using var workbook = Open();
        var rows = workbook.Rows("Điểm theo chỉ tiêu");
        Assert.Equal(content.Result.Nodes.Count + 3, rows[0].Count);
        Assert.Equal(content.Result.Units.Count + 2, rows.Count);
        for (var n = 0; n < content.Result.Nodes.Count; n++)
        {
            Assert.Equal(content.Result.Nodes[n].MaxPoints, Workbook.Number(rows[1][XlsxColumn(n + 3)]));
        }

        var units = model.Groups.SelectMany(g => g.Units).ToList();
        for (var u = 0; u < units.Count; u++)
        {
            var row = rows[u + 2];
            Assert.Equal(units[u].Unit.Id, Workbook.Text(row["A"]));
            for (var n = 0; n < content.Result.Nodes.Count; n++)
            {
                var points = units[u].Nodes[n].Points;
                var column = XlsxColumn(n + 3);
                if (double.IsFinite(points))
                {
                    Assert.Equal(points, Workbook.Number(row[column]));
                }
                else
                {
                    Assert.False(row.ContainsKey(column));
                }
            }
        }
    }

    [Fact]
    public void WriteAsync_Explanation_HasARowPerLeafInputWithItsSourceLocationAndStage()
    {
        var content = ReportScenario.Content;
        using var workbook = Open();
        var rows = workbook.Rows("Giải trình điểm");
        var header = Workbook.Header(rows[0]);
        var expected = content.Explanations.Sum(e => Leaves(e.Root).Sum(l => Math.Max(1, l.Leaf!.Inputs.Count)));
        Assert.Equal(expected, rows.Count - 1);
        var tttt = content.Explanations.Single(e => e.Unit.Id == "so-tttt");
        var leaf = Leaves(tttt.Root).First(l => l.Leaf!.Inputs.Count > 0);
        var input = leaf.Leaf!.Inputs[0];
        var row = rows.Skip(1).First(r => Workbook.Text(r[header["Mã"]]) == "so-tttt" && r.ContainsKey(header["Tiêu chí đo"]) && Workbook.Text(r[header["Tiêu chí đo"]]) == input.MeasureId);
        Assert.Equal(input.Value, Workbook.Number(row[header["Giá trị"]]));
        Assert.Equal(leaf.Score.Points, Workbook.Number(row[header["Điểm"]]));
        Assert.Equal(input.Provenance!.Location, Workbook.Text(row[header["Vị trí nguồn"]]));
        Assert.Equal("verified", Workbook.Text(row[header["Giai đoạn"]]));
        Assert.Equal(leaf.Leaf.Rule, Workbook.Text(row[header["Quy tắc"]]));
        Assert.Contains(" › ", Workbook.Text(row[header["Đường dẫn chỉ tiêu"]]), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAsync_SelfAssessedVsVerified_PairsEveryMeasureOfEveryUnit()
    {
        var content = ReportScenario.Content;
        using var workbook = Open();
        var rows = workbook.Rows("Tự đánh giá và thẩm định");
        var header = Workbook.Header(rows[0]);
        var measures = content.Definition.Measures.Count;
        Assert.Equal((content.Result.Units.Count * measures) + 1, rows.Count);
        var observations = content.Observations.ToLookup(o => (o.UnitId, o.MeasureId, o.Provenance.Stage));
        foreach (var row in rows.Skip(1))
        {
            var key = (Workbook.Text(row[header["Mã"]]), Workbook.Text(row[header["Tiêu chí đo"]]));
            var self = observations[(key.Item1, key.Item2, "self-assessed")].Single().Value;
            var verified = observations[(key.Item1, key.Item2, "verified")].Single().Value;
            Assert.Equal(self, Workbook.Number(row[header["Tự đánh giá"]]));
            Assert.Equal(verified, Workbook.Number(row[header["Thẩm định"]]));
            Assert.Equal(verified - self, Workbook.Number(row[header["Chênh lệch"]]));
        }
    }

    [Fact]
    public void WriteAsync_YearOverYear_HasBothRanksAndTheChange()
    {
        var content = ReportScenario.Content;
        using var workbook = Open();
        var rows = workbook.Rows("So sánh với kỳ trước");
        var header = Workbook.Header(rows[0]);
        Assert.Equal(content.Result.Units.Count + 1, rows.Count);
        foreach (var unit in content.Result.Units.Where(u => u.Rank is not null))
        {
            var before = content.Previous!.Units.Single(p => p.Unit.Id == unit.Unit.Id);
            var row = rows.Single(r => Workbook.Text(r[header["Mã"]]) == unit.Unit.Id);
            Assert.Equal(before.Rank!.Value, Workbook.Number(row[header["Hạng kỳ trước"]]));
            Assert.Equal(unit.Rank!.Value, Workbook.Number(row[header["Hạng"]]));
            Assert.Equal(before.Rank.Value - unit.Rank.Value, Workbook.Number(row[header["Thay đổi thứ hạng"]]));
            Assert.Equal(unit.Total.Value - before.Total.Value, Workbook.Number(row[header["Thay đổi chỉ số"]]));
        }
    }

    [Fact]
    public void WriteAsync_WithoutPreviousOrIntervals_LeavesThoseSheetsOut()
    {
        var content = ReportScenario.WithNames("Sở A", "Sở B", "Sở C");
        using var workbook = new Workbook(new MemoryStream(Write(content)));
        Assert.DoesNotContain("So sánh với kỳ trước", workbook.SheetNames);
        Assert.DoesNotContain("Độ bất định của thứ hạng", workbook.SheetNames);
        Assert.Contains("Tự đánh giá và thẩm định", workbook.SheetNames);
    }

    [Fact]
    public void WriteAsync_English_NamesSheetsInEnglish()
    {
        using var workbook = new Workbook(new MemoryStream(Write(ReportScenario.Content with { Language = "en" })));
        Assert.Equal(["Ranking (so-co-dvc)", "Ranking (so-khong-dvc)", "Points per node", "Explanation", "Self-assessed vs verified", "Year over year", "Rank uncertainty", "Run manifest"], workbook.SheetNames);
    }

    [Theory]
    [InlineData("Xếp hạng (nhóm: a/b?)", "Xếp hạng (nhóm- a-b-)")]
    [InlineData("Một tên nhóm rất dài vượt quá ba mươi mốt ký tự", "Một tên nhóm rất dài vượt quá b")]
    public void Unique_ForbiddenCharactersOrLongNames_GivesAValidSheetName(string name, string expected)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected, ExcelReportWriter.Unique(used, name));
        var second = ExcelReportWriter.Unique(used, name);
        Assert.NotEqual(expected, second);
        Assert.True(second.Length <= 31);
        Assert.EndsWith("(2)", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Unique_CharactersXmlCannotHold_AreReplacedAndPairsKeptWhole()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Assert.Equal("nhóm-a-b-c", ExcelReportWriter.Unique(used, "nhóm\uD800a\uFFFEb\uFFFFc"));
        Assert.Equal("x-y", ExcelReportWriter.Unique(used, "x\uDC00y"));
        Assert.Equal("😀 nhóm", ExcelReportWriter.Unique(used, "😀 nhóm"));

        // 30 characters then an emoji (two UTF-16 units): the cut at 31 would split the pair, so it is left out.
        var name = new string('a', 30) + "😀";
        Assert.Equal(new string('a', 30), ExcelReportWriter.Unique(used, name));
        var second = ExcelReportWriter.Unique(used, "'" + new string('b', 30) + "'😀");
        Assert.Equal(new string('b', 30), second);
    }

    private static string XlsxColumn(int index) => BRVT.Dti.Reporting.Excel.XlsxPackage.ColumnName(index);

    private static IEnumerable<NodeExplanation> Leaves(NodeExplanation node) => node.Leaf is not null ? [node] : node.Children.SelectMany(Leaves);

    private static Workbook Open() => new(new MemoryStream(Bytes.Value));

    private static byte[] Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        new ExcelReportWriter().WriteAsync(content, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
