using System.Collections;
using System.Globalization;
using System.IO.Compression;
using BRVT.Dti.Reporting.Excel;
using BRVT.Dti.Reporting.Model;
using FsCheck.Xunit;

namespace BRVT.Dti.Reporting.Tests.Excel;

/// <summary>
/// The package with its worksheets streamed row by row against the reference (<see cref="DomXlsxPackage"/>: each
/// worksheet a DocumentFormat.OpenXml DOM saved by the SDK, as packages were made before): the same bytes for
/// ordinary reports and for random sheets with hostile text and numbers; for large worksheets the same parts in the
/// same entries, each compressed as a whole. And a cancellation while a row is read stops before the next row.
/// </summary>
public sealed class XlsxPackageTests
{
    private static readonly string[] Fragments =
    [
        "a", "Đơn vị", "Sở Tư pháp", " ", "  lead", "trail  ", "<b>", "&amp;", "\"", "'", "=SUM(A1)", "\r\n", "\r", "\n", "\t",
        "\u0001", "\u001F", "\u0000", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "😀", "\u00A0", "\u200B", "]]>", "0.5", "-0", "×÷",
    ];

    private static readonly double[] Numbers =
    [
        0, -0.0, 1, -1, 0.1 + 0.2, 1e-300, 1e300, double.Epsilon, double.MaxValue, double.MinValue, 43.849999999999994, 2.5,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 123456789012345678, 1.0 / 3,
    ];

    [Fact]
    public void Create_ReportScenarios_SameBytesAsTheDomReference()
    {
        foreach (var content in new[] { ReportScenario.Content, ReportScenario.WithNames("Sở <b>Tư</b> pháp", "=cmd|' /C calc'!A0", "Dòng\r\nhai\u0001", "😀 [x]*:/?\\") })
        {
            var model = ReportModel.Create(content);
            var sheets = ExcelReportWriter.Sheets(model, CancellationToken.None);
            Assert.Equal(DomXlsxPackage.Create(sheets, model.Decimals), XlsxPackage.Create(sheets, model.Decimals));
        }
    }

    [Property(MaxTest = 150)]
    public void Create_RandomSheets_SameBytesAsTheDomReference(int seed)
    {
        var random = new Random(seed);
        var decimals = random.Next(0, 11);
        var sheets = RandomSheets(random);
        Assert.Equal(DomXlsxPackage.Create(sheets, decimals), XlsxPackage.Create(sheets, decimals));
    }

    [Fact]
    public void Create_LargeSheet_HasTheDomReferencePartsEachCompressedAsAWhole()
    {
        // About 9 MiB of worksheet XML: large enough that the reference's re-zipping (which reads its own compressed
        // entries back in 80 KiB slices) cuts the compressor's input elsewhere than at the 64 KiB blocks.
        var random = new Random(20231);
        var sheet = new XlsxSheet("Giải trình điểm") { FrozenRows = 1, FrozenColumns = 2 };
        sheet.Header(["Mã", "Tên", "Chỉ tiêu", "Giá trị", "Điểm"]);
        for (var r = 0; r < 40_000; r++)
        {
            sheet.Add(
                XlsxCell.Of(string.Create(CultureInfo.InvariantCulture, $"u{r % 2000:D6}")),
                XlsxCell.Of(string.Create(CultureInfo.InvariantCulture, $"Đơn vị {r % 2000}")),
                XlsxCell.Of(string.Create(CultureInfo.InvariantCulture, $"II › {1 + (r % 9)} › {1 + (r % 9)}.{1 + (r % 7)}")),
                XlsxCell.Of(Math.Round(random.NextDouble() * 100, random.Next(0, 5)), XlsxStyle.Value),
                XlsxCell.Of(random.Next(0, 400) / 4.0, XlsxStyle.Points));
        }

        var streamed = XlsxPackage.Create([sheet], 4);
        var reference = DomXlsxPackage.Create([sheet], 4);
        Assert.Equal(WholeEntries(reference), streamed);
    }

    [Theory]
    [InlineData(1)] // while the column widths are measured
    [InlineData(2)] // while the rows are written
    public void Create_CancelledWhileARowIsRead_ReadsNoFurtherRow(int pass)
    {
        using var cancellation = new CancellationTokenSource();
        var probe = new RowProbe(cancellation, triggerRow: 700, pass);
        var first = new XlsxSheet("Một");
        var second = new XlsxSheet("Hai");
        for (var r = 0; r < 1500; r++)
        {
            first.Add(probe.Row(r, [XlsxCell.Of(string.Create(CultureInfo.InvariantCulture, $"u{r}")), XlsxCell.Of(r * 0.25, XlsxStyle.Points)]));
            second.Add(probe.Row(-1, [XlsxCell.Of("x")]));
        }

        Assert.ThrowsAny<OperationCanceledException>(() => XlsxPackage.Create([first, second], 4, cancellation.Token));
        Assert.True(cancellation.IsCancellationRequested, "the probe row was reached");
        Assert.Equal(0, probe.OtherRowsReadAfterCancellation);
    }

    [Fact]
    public void Create_LineBreaksInACell_AreWrittenAsLineFeedsOnEveryOperatingSystem()
    {
        var sheet = new XlsxSheet("Một");
        sheet.Add(XlsxCell.Of("a\r\nb\rc\nd"));

        using var zip = new ZipArchive(new MemoryStream(XlsxPackage.Create([sheet], 2)), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();

        Assert.Contains(">a\nb\nc\nd</", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TokenAlreadyCancelled_Throws()
    {
        var sheet = new XlsxSheet("Một");
        sheet.Add(XlsxCell.Of("a"));
        Assert.ThrowsAny<OperationCanceledException>(() => XlsxPackage.Create([sheet], 4, new CancellationToken(canceled: true)));
    }

    /// <summary>1–4 sheets of up to 30 rows of up to 12 cells: texts with markup, line breaks, forbidden and surrogate characters, over-long texts; every kind of double; every style.</summary>
    private static List<XlsxSheet> RandomSheets(Random random)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<XlsxSheet>();
        for (var s = random.Next(1, 5); s > 0; s--)
        {
            // Sheet names are made by ExcelReportWriter.Unique from labels and group ids, hostile characters included.
            var name = Text(random, 12);
            var sheet = new XlsxSheet(ExcelReportWriter.Unique(names, name))
            {
                FrozenRows = random.Next(0, 3),
                FrozenColumns = random.Next(0, 4),
                FilterRow = random.Next(-1, 3),
            };
            for (var r = random.Next(0, 31); r > 0; r--)
            {
                sheet.Add([.. Enumerable.Range(0, random.Next(0, 13)).Select(_ => Cell(random))]);
            }

            sheets.Add(sheet);
        }

        return sheets;
    }

    private static XlsxCell Cell(Random random)
    {
        var style = (XlsxStyle)random.Next(0, 9);
        return random.Next(6) switch
        {
            0 => XlsxCell.Empty,
            1 => new XlsxCell(string.Empty, 0, style),
            2 => new XlsxCell(null, Numbers[random.Next(Numbers.Length)], style),
            3 => new XlsxCell(null, (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12)), style),
            4 when random.Next(40) == 0 => new XlsxCell(new string('a', 32765) + "😀" + Text(random, 8), 0, style),
            _ => new XlsxCell(Text(random, 60), 0, style),
        };
    }

    private static string Text(Random random, int maxFragments) =>
        string.Concat(Enumerable.Range(0, random.Next(0, maxFragments)).Select(_ => Fragments[random.Next(Fragments.Length)]));

    /// <summary>The package rebuilt from its parts, each part written to its entry in one go, in the same order with the same time.</summary>
    private static byte[] WholeEntries(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var part = new MemoryStream();
                using (var from = entry.Open())
                {
                    from.CopyTo(part);
                }

                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                to.Write(part.GetBuffer(), 0, (int)part.Length);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Rows that count the reads of their cells; one of them cancels the token when its cells are read for the
    /// <c>pass</c>-th time, and from then on a read of any other row's cells is counted.
    /// </summary>
    private sealed class RowProbe(CancellationTokenSource cancellation, int triggerRow, int pass)
    {
        public int OtherRowsReadAfterCancellation { get; private set; }

        public IReadOnlyList<XlsxCell> Row(int index, XlsxCell[] cells) => new ProbeRow(this, index, cells);

        private void Read(int index, ref int reads, int cell)
        {
            if (index == triggerRow)
            {
                if (cell == 0 && ++reads == pass)
                {
                    cancellation.Cancel();
                }
            }
            else if (cancellation.IsCancellationRequested)
            {
                OtherRowsReadAfterCancellation++;
            }
        }

        private sealed class ProbeRow(RowProbe probe, int index, XlsxCell[] cells) : IReadOnlyList<XlsxCell>
        {
            private int reads;

            public int Count => cells.Length;

            public XlsxCell this[int cell]
            {
                get
                {
                    probe.Read(index, ref reads, cell);
                    return cells[cell];
                }
            }

            public IEnumerator<XlsxCell> GetEnumerator()
            {
                for (var c = 0; c < cells.Length; c++)
                {
                    yield return this[c];
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
