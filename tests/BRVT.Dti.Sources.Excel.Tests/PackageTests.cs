using System.Diagnostics;
using System.IO.Compression;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class PackageTests : IDisposable
{
    private const string Settings = """
        { "name": "forms", "type": "xlsx", "path": "forms.xlsx", "layout": "sheet-per-unit", "period": "2023",
          "columns": { "measure": "Mã chỉ tiêu", "verified": "Thẩm định" } }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNamingThePath()
    {
        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: the workbook forms.xlsx does not exist (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check the setting \"path\".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotAZip_ThrowsSayingItIsNotAWorkbook()
    {
        await File.WriteAllTextAsync(workspace.PathOf("forms.xlsx"), "Mã chỉ tiêu;Thẩm định\nm1;5\n");

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: forms.xlsx is not an .xlsx workbook (it is not a zip package", exception.Message, StringComparison.Ordinal);
        Assert.Contains("old .xls files are not read", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TruncatedWorkbook_ThrowsDataSourceException()
    {
        var path = workspace.PathOf("forms.xlsx");
        Workbook().Save(path);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: forms.xlsx is not an .xlsx workbook", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotAnOfficePackage_ThrowsDataSourceException()
    {
        using (var archive = ZipFile.Open(workspace.PathOf("forms.xlsx"), ZipArchiveMode.Create))
        {
            await using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            await writer.WriteAsync("không phải bảng tính");
        }

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: forms.xlsx is not a readable .xlsx workbook: ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("save it again as .xlsx.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WorksheetWithBrokenXml_ThrowsDataSourceException()
    {
        var path = workspace.PathOf("forms.xlsx");
        Workbook().Save(path);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var sheet = archive.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            await using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            await writer.WriteAsync("""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row""");
        }

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: forms.xlsx is not a readable .xlsx workbook: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RelationshipToThePackageRoot_ThrowsDataSourceException()
    {
        // Found by the xlsx fuzz in CI: a relationship to "/" made System.IO.Packaging throw ArgumentException ("Part URI is empty.") through the source.
        var path = workspace.PathOf("forms.xlsx");
        Workbook().Save(path);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            archive.GetEntry("_rels/.rels")!.Delete();
            await using var writer = new StreamWriter(archive.CreateEntry("_rels/.rels").Open());
            await writer.WriteAsync("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/"/></Relationships>""");
        }

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.StartsWith("forms: forms.xlsx is not a readable .xlsx workbook: ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("4294967296")]
    [InlineData("-1")]
    [InlineData("hai")]
    [InlineData("")]
    public async Task ReadAsync_RowNumberThatIsNoRowNumber_ReadsTheRowAsTheNextOne(string written)
    {
        // Found by the xlsx fuzz: a row number too large for 32 bits made the Open XML SDK throw OverflowException through the source.
        var path = workspace.PathOf("forms.xlsx");
        Workbook().Save(path);
        var expected = await workspace.Reader(Settings).ReadAsync(Assessment.Request());
        Assert.NotEmpty(expected.Observations);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            foreach (var sheet in archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(sheet.Open()))
                {
                    xml = await reader.ReadToEndAsync();
                }

                var name = sheet.FullName;
                sheet.Delete();
                var rows = System.Text.RegularExpressions.Regex.Matches(xml, "<x:row r=\"([0-9]+)\"|<row r=\"([0-9]+)\"").Count;
                Assert.True(rows > 1, $"{name} has numbered rows");

                // Every row after the first loses its number: each follows the one before, as the rows of these sheets do.
                var first = true;
                xml = System.Text.RegularExpressions.Regex.Replace(xml, "(<(?:x:)?row) r=\"[0-9]+\"", m =>
                {
                    var keep = first;
                    first = false;
                    return keep ? m.Value : $"{m.Groups[1].Value} r=\"{written}\"";
                });
                await using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                await writer.WriteAsync(xml);
            }
        }

        var result = await workspace.Reader(Settings).ReadAsync(Assessment.Request());

        Assert.Equal(
            expected.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)),
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Value, o.Provenance.Location)));
        Assert.Equal(expected.Account.Rejected, result.Account.Rejected);
    }

    [Fact]
    public async Task ReadAsync_ZipBombAboveTheDefaultCap_IsRefusedBeforeParsingAndQuickly()
    {
        // 210 MiB of zeros deflate to a few hundred KiB: a tiny file that would inflate past the default 200 MB cap.
        var path = workspace.PathOf("forms.xlsx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            await using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 210; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 1 << 20, "the bomb should be small on disk");
        var clock = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request()).AsTask());
        clock.Stop();

        Assert.Equal("forms: forms.xlsx is refused before parsing: its files declare 210 MiB once uncompressed (the entry 'xl/worksheets/sheet1.xml' alone 210 MiB), more than the limit of 200 MiB (setting \"maxUncompressedBytes\").", exception.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refusing took {clock.Elapsed}");
    }

    [Fact]
    public async Task ReadAsync_WorkbookWhoseSheetLiesAboutItsSize_NeverInflatesTheLie()
    {
        // A real workbook whose sheet holds 4 MiB of XML but declares 1000 bytes, with a cap of 1 MiB.
        var path = workspace.PathOf("forms.xlsx");
        Workbook().Save(path);
        string name;
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var sheet = archive.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            name = sheet.FullName;
            sheet.Delete();
            await using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.SmallestSize).Open());
            await writer.WriteAsync("""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var row = 1; row <= 40_000; row++)
            {
                await writer.WriteAsync($"<row r=\"{row}\"><c r=\"B{row}\"><v>{row}</v></c></row>");
            }

            await writer.WriteAsync("</sheetData></worksheet>");
        }

        Assert.True(new FileInfo(path).Length < 1 << 20);
        ForgeUncompressedSize(path, name, 1000);
        var settings = Settings.Replace("\"period\": \"2023\"", "\"period\": \"2023\", \"maxUncompressedBytes\": 1048576", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        // The runtime stops inflating an entry at the size it declares and the guard counts what is inflated, so the
        // lie buys nothing: the 4 MiB are never produced, and the truncated sheet is refused as unreadable.
        Assert.StartsWith("forms: forms.xlsx is not a readable .xlsx workbook: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SmallCapAndARealWorkbookAboveIt_IsRefused()
    {
        var book = Workbook();
        var sheet = book.Sheet("big");
        for (var row = 1; row <= 3000; row++)
        {
            sheet.Row(row, "A", "m" + row.ToString(System.Globalization.CultureInfo.InvariantCulture), row, row * 2);
        }

        book.Save(workspace.PathOf("forms.xlsx"));
        var settings = Settings.Replace("\"period\": \"2023\"", "\"period\": \"2023\", \"maxUncompressedBytes\": 65536", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => workspace.Reader(settings).ReadAsync(Assessment.Request()).AsTask());

        Assert.Contains("more than the limit of 64 KiB (setting \"maxUncompressedBytes\")", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_ThrowsOperationCanceled()
    {
        Workbook().Save(workspace.PathOf("forms.xlsx"));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workspace.Reader(Settings).ReadAsync(Assessment.Request(), cancellation.Token).AsTask());
    }

    private static TestWorkbook Workbook()
    {
        var book = new TestWorkbook();
        book.Sheet("so-yt").Row(1, "A", "Mã chỉ tiêu", "Thẩm định").Row(2, "A", "m1", 5);
        return book;
    }

    /// <summary>Rewrites an entry's uncompressed size in its local and central headers.</summary>
    private static void ForgeUncompressedSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = System.Text.Encoding.UTF8.GetBytes(entry);
        var forged = 0;
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var (sizeOffset, nameLengthOffset, nameOffset) = BitConverter.ToUInt32(bytes, i) switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (-1, 0, 0),
            };
            if (sizeOffset > 0 && BitConverter.ToUInt16(bytes, i + nameLengthOffset) == name.Length && bytes.AsSpan(i + nameOffset, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, i + sizeOffset);
                forged++;
            }
        }

        Assert.Equal(2, forged);
        File.WriteAllBytes(path, bytes);
    }
}
