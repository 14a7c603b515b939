using System.Globalization;
using System.Text;
using BRVT.Dti.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Analysis;

public sealed class MatrixCsvLoaderTests : IDisposable
{
    private static readonly Gen<string> Number = Gen.Frequency(
        (6, Gen.Choose(-100_000, 100_000).Select(i => (i / 100.0).ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Choose(0, 1_000_000).Select(i => (i / 997.0).ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Elements("", "NA", "NaN", " 3.5 ", "-0", "+7", "1e3", "2.5E-4", ".5", "5.", "00012.3400", "123456789012345678", "0.1234567890123456789", "-0.000")),
        (3, Gen.Elements("12345678", "1234567.8", "-1234567", "-12345678", "+.5", "9999999.9", "0.0000001", "-9.9999999", "1234567890123.45", "7\u00A0", "99999999", "0.5", "-0.25")));

    private static readonly Gen<string> Bad = Gen.Elements("1,5x", "abc", "1.2.3", "--1", "1 2", "٣", "-.", ".", "1..2", "12.34.5", "+", "1-");

    private readonly string folder = Directory.CreateTempSubdirectory("brvt-csv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Property(MaxTest = 250)]
    public Property LoadCsv_AnyTable_SameMatrixOrSameErrorAsParseCsv() =>
        Prop.ForAll(Table().ToArbitrary(), text =>
        {
            var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, text.Bytes);
            var expected = Outcome(() => IndicatorMatrix.ParseCsv(File.ReadAllText(path), "id", ["name"]));
            var actual = Outcome(() => IndicatorMatrix.LoadCsv(path, "id", ["name"], maxDegreeOfParallelism: 3));
            var scalar = OneNumberAtATime(() => Outcome(() => IndicatorMatrix.LoadCsv(path, "id", ["name"], maxDegreeOfParallelism: 3)));
            return (expected == actual).Label($"ParseCsv: {expected}{Environment.NewLine}LoadCsv: {actual}")
                .And((expected == scalar).Label($"ParseCsv: {expected}{Environment.NewLine}LoadCsv, one number at a time: {scalar}"));
        });

    [Fact]
    public void LoadCsv_RepeatedIdFarApart_ReportsTheLineOfTheSecond()
    {
        var path = Path.Combine(folder, "repeat.csv");
        var text = new StringBuilder("id,x\n");
        for (var r = 0; r < 20_000; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"u{(r == 17_345 ? 123 : r)},{r}.5\n");
        }

        File.WriteAllText(path, text.ToString());

        var error = Assert.Throws<FormatException>(() => IndicatorMatrix.LoadCsv(path, "id"));

        Assert.Equal("Line 17347: unit id 'u123' repeats.", error.Message);
    }

    [Fact]
    public void LoadCsv_LargeTable_LooksUpUnitsByIdAfterLoading()
    {
        var path = Path.Combine(folder, "large.csv");
        var text = new StringBuilder("x,id,y\n");
        for (var r = 0; r < 20_000; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r}.25,unit-{r},-{r}\n");
        }

        File.WriteAllText(path, text.ToString());

        var matrix = IndicatorMatrix.LoadCsv(path, "id");

        Assert.Equal(20_000, matrix.UnitCount);
        Assert.Equal(12_345, matrix.IndexOfUnit("unit-12345"));
        Assert.Equal(-1, matrix.IndexOfUnit("unit-20000"));
        Assert.Equal(777.25, matrix.Value("unit-777", "x"));
        Assert.Equal(-19_999, matrix.Value("unit-19999", "y"));
    }

    [Fact]
    public void LoadCsv_QuotedFields_GoesToParseCsvAndReadsThem()
    {
        var path = Path.Combine(folder, "quoted.csv");
        File.WriteAllText(path, "id,name,x\na,\"Bà Rịa, Vũng Tàu\",1.5\n");

        var matrix = IndicatorMatrix.LoadCsv(path, "id", ["name"]);

        Assert.Equal("Bà Rịa, Vũng Tàu", matrix.Attribute("name")[0]);
        Assert.Equal(1.5, matrix.Value("a", "x"));
    }

    /// <summary>A CSV text: a header (id, name, two to twelve numbers), rows with numbers in many spellings, and now and then
    /// a blank line, CRLF, a byte order mark, a bad number, a wrong cell count, an empty or repeated id.</summary>
    private static Gen<CsvBytes> Table() =>
        from numeric in Gen.Choose(2, 12)
        from idColumn in Gen.Choose(0, numeric + 1)
        from rows in Gen.Choose(0, 60)
        from cells in Gen.ArrayOf(Gen.ArrayOf(Number, numeric), rows)
        from names in Gen.ArrayOf(Gen.Elements("Xã A", "", "NA", " Phường B "), rows)
        from crlf in Gen.Elements(false, false, true)
        from bom in Gen.Elements(false, true)
        from blankEvery in Gen.Choose(0, 9)
        from fault in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from faultRow in Gen.Choose(0, Math.Max(0, rows - 1))
        from bad in Bad
        select Build(numeric, idColumn, cells, names, crlf, bom, blankEvery, rows == 0 ? 0 : fault, faultRow, bad);

    private static CsvBytes Build(int numeric, int idColumn, string[][] cells, string[] names, bool crlf, bool bom, int blankEvery, int fault, int faultRow, string bad)
    {
        var newline = crlf ? "\r\n" : "\n";
        var header = Enumerable.Range(0, numeric).Select(i => $"x{i}").Prepend("name").ToList();
        header.Insert(idColumn, "id");
        var text = new StringBuilder(string.Join(',', header)).Append(newline);
        for (var r = 0; r < cells.Length; r++)
        {
            var row = cells[r].Prepend(names[r]).ToList();
            var id = $"u{r}";
            if (r == faultRow)
            {
                switch (fault)
                {
                    case 1:
                        row[^1] = bad;
                        break;
                    case 2:
                        row.Add("9");
                        break;
                    case 3:
                        id = " ";
                        break;
                    case 4:
                        id = "u0";
                        break;
                }
            }

            row.Insert(idColumn, id);
            text.Append(string.Join(',', row)).Append(newline);
            if (blankEvery > 0 && r % blankEvery == 0)
            {
                text.Append(newline);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return new CsvBytes(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    private static string OneNumberAtATime(Func<string> load)
    {
        var vector = MatrixCsvChunk.VectorNumbers;
        MatrixCsvChunk.VectorNumbers = false;
        try
        {
            return load();
        }
        finally
        {
            MatrixCsvChunk.VectorNumbers = vector;
        }
    }

    private static string Outcome(Func<IndicatorMatrix> load)
    {
        try
        {
            var m = load();
            var text = new StringBuilder();
            text.AppendJoin('|', m.UnitIds).Append('/').AppendJoin('|', m.Indicators).Append('/').AppendJoin('|', m.Attribute("name"));
            for (var c = 0; c < m.IndicatorCount; c++)
            {
                foreach (var v in m.Column(c))
                {
                    text.Append(';').Append(BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture));
                }
            }

            return text.ToString();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    public sealed record CsvBytes(byte[] Bytes)
    {
        public override string ToString() => Encoding.UTF8.GetString(Bytes);
    }
}
