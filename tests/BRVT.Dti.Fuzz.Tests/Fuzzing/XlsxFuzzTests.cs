using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using BRVT.Dti.Data;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Sources.Excel;
using BRVT.Dti.TestUtilities;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// Workbooks come from dozens of units: a small valid workbook, damaged byte by byte (zip level) or part by part
/// (XML inside the zip), reads into a balanced account or fails with the documented
/// <see cref="DataSourceException"/> / <see cref="DataSourceConfigurationException"/> only.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class XlsxFuzzTests(FuzzFigures figures, ITestOutputHelper output) : IDisposable
{
    private const int Cases = 3000;

    private const string Settings = """
        { "name": "s", "type": "xlsx", "path": "fuzz.xlsx", "layout": "row-per-unit", "sheet": "Dữ liệu",
          "unitColumn": "Mã đơn vị", "periodColumn": "Năm", "measures": { "a": "Hạ tầng", "b": "Dịch vụ" } }
        """;

    private readonly TempFolder folder = new("dti-fuzz-");

    private string root => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReadAsync_MutatedWorkbook_ThrowsOnlyDocumentedExceptionsAndAccountsBalance()
    {
        var path = Path.Combine(root, "fuzz.xlsx");
        WriteValid(path);
        var valid = File.ReadAllBytes(path);
        var source = new ExcelSourceFactory().Create(Fixtures.Configuration(root, Settings));
        var baseline = await source.ReadAsync(Fixtures.Request(Fixtures.Plain));
        Assert.Equal((6L, 4L), (baseline.Account.RowsRead, baseline.Account.RowsAccepted));

        var run = new FuzzRun("xlsx workbooks (zip bytes and XML parts mutated)");
        var watch = Stopwatch.StartNew();
        run.Check(Gen.Choose(0, int.MaxValue), Cases, seed =>
        {
            var random = new Random(seed);
            var bytes = random.Next(3) == 0 ? Mutations.Bytes(valid, random, random.Next(1, 4)) : MutatePart(valid, random);
            File.WriteAllBytes(path, bytes);
            var mode = random.Next(4) == 0 ? RejectionMode.Strict : RejectionMode.Lenient;
            try
            {
                var result = source.ReadAsync(Fixtures.Request(Fixtures.Plain, mode)).AsTask().GetAwaiter().GetResult();
                run.Account(result.Account);
                Assert.True(result.Account.Balances, $"seed {seed}: the account does not balance");
                Assert.Equal(result.Account.RowsAccepted, result.Observations.Count);
                Assert.All(result.Account.Rejected, r => Assert.True(r.Location.StartsWith("fuzz.xlsx", StringComparison.Ordinal) && r.Reason.Length > 0, $"seed {seed}: {r}"));
                return result.Account.Rejected.Count > 0 ? "read with rejections" : "read clean";
            }
            catch (DataSourceException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
                return "DataSourceException";
            }
            catch (DataSourceConfigurationException)
            {
                return "DataSourceConfigurationException";
            }
        });

        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(Cases, run.Cases);
        Assert.Equal(0, run.RowsLost);
        Assert.True(run.Outcomes.Keys.Any(k => k.StartsWith("read", StringComparison.Ordinal)), "some mutated workbooks are still read (the XML mutations reach the reader)");
    }

    /// <summary>Rewrites the zip with one part's bytes mutated (so the zip is sound and the XML is not).</summary>
    private static byte[] MutatePart(byte[] workbook, Random random)
    {
        using var input = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var victim = random.Next(input.Entries.Count);
        using var buffer = new MemoryStream();
        using (var output = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < input.Entries.Count; i++)
            {
                var entry = input.Entries[i];
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(content);
                }

                var bytes = i != victim ? content.ToArray()
                    : random.Next(2) == 0 && entry.FullName.EndsWith(".xml", StringComparison.Ordinal) ? MutateXml(content.ToArray(), random)
                    : Mutations.Bytes(content.ToArray(), random, random.Next(1, 4));
                using var target = output.CreateEntry(entry.FullName).Open();
                target.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Keeps the part well-formed XML and changes what it says: attribute values (cell references, types, style and string indexes) and texts.</summary>
    private static byte[] MutateXml(byte[] xml, Random random)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml));
        }
        catch (System.Xml.XmlException)
        {
            return Mutations.Bytes(xml, random, 1);
        }

        var elements = document.Descendants().ToList();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var element = elements[random.Next(elements.Count)];
            var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
            switch (random.Next(5))
            {
                case 0 when attributes.Count > 0:
                    attributes[random.Next(attributes.Count)].Value = new[] { "A0", "XFE1", "B1048577", "", "ZZ9", "s", "str", "inlineStr", "e", "b", "n", "d", "-1", "999999", "1:99999" }[random.Next(15)];
                    break;
                case 1 when attributes.Count > 0:
                    attributes[random.Next(attributes.Count)].Remove();
                    break;
                case 2 when !element.HasElements:
                    element.Value = random.Next(2) == 0 ? Mutations.Number(random) : new string([.. Mutations.Token(random).Where(System.Xml.XmlConvert.IsXmlChar)]) + new string('9', random.Next(0, 400));
                    break;
                case 3 when element.Parent is not null:
                    element.AddAfterSelf(new XElement(element));
                    break;
                default:
                    if (element.Parent is not null)
                    {
                        element.Remove();
                        elements.Remove(element);
                    }

                    break;
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
    }

    private static void WriteValid(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        var strings = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("Mã đơn vị")), new SharedStringItem(new Text("Hạ tầng")));
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        object?[][] rows =
        [
            ["#0", "Dịch vụ", "Năm"],
            ["747", 0.5, 3, 2023],
            ["748", 1, null, 2023],
            ["750", "7,5", 2, 2022],
        ];
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                var value = rows[r][c];
                row.Append(value switch
                {
                    "#0" => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    "Dịch vụ" => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Dịch vụ")) },
                    string text => new Cell { CellReference = reference, DataType = CellValues.String, CellValue = new CellValue(text) },
                    null => new Cell { CellReference = reference },
                    _ => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) },
                });
            }

            data.Append(row);
        }

        // Header: A1 "Mã đơn vị" (shared), B1 "Hạ tầng" (shared), C1 "Dịch vụ" (inline), D1 "Năm".
        var header = (Row)data.FirstChild!;
        header.RemoveAllChildren();
        header.Append(
            new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
            new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
            new Cell { CellReference = "C1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Dịch vụ")) },
            new Cell { CellReference = "D1", DataType = CellValues.String, CellValue = new CellValue("Năm") });
        sheetPart.Worksheet = new Worksheet(data);
        workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Dữ liệu" });
    }
}
