using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;

namespace BRVT.Dti.Sources.Csv.Tests.BadInput;

public sealed class BadInputTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    public static TheoryData<string> Cases() => [.. BadInputCorpus.All().Select(c => c.Name)];

    private IDataSource Source(string settings) => new CsvLongSourceFactory().Create(workspace.Configuration(settings));

    private static string Settings(BadInputCorpus.Case @case) => @case.Name.Contains("decimalComma", StringComparison.Ordinal)
        ? """{ "name": "s", "type": "csv-long", "path": "bad.csv", "decimalComma": true, "rejectsFile": "rejects.csv" }"""
        : """{ "name": "s", "type": "csv-long", "path": "bad.csv", "rejectsFile": "rejects.csv" }""";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_BadInputLeniently_RejectsExactlyTheBadLinesWithTheirReasons(string name)
    {
        var @case = BadInputCorpus.All().Single(c => c.Name == name);
        await Check(@case);
    }

    [Fact]
    public async Task ReadAsync_HugeUnclosedQuote_RejectsItsLineAndReadsOnAfterIt()
    {
        await Check(BadInputCorpus.HugeUnclosedQuote());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_BadInputStrictly_ThrowsOnlyADataSourceExceptionNamingTheFirstBadLine(string name)
    {
        var @case = BadInputCorpus.All().Single(c => c.Name == name);
        workspace.WriteBytes("bad.csv", @case.Bytes);
        var source = Source(Settings(@case));
        if (@case.FirstError is null || @case.Rejected.All(r => r.Reason.Contains("blank line", StringComparison.Ordinal)))
        {
            var result = await source.ReadAsync(Requests.Request(["a"], mode: RejectionMode.Strict));
            Assert.Equal(@case.Accepted, result.Account.RowsAccepted);
            return;
        }

        var exception = await Assert.ThrowsAsync<DataSourceException>(async () => await source.ReadAsync(Requests.Request(["a"], mode: RejectionMode.Strict)));
        Assert.StartsWith($"s: bad.csv:{@case.FirstError}: ", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf("rejects.csv")), "strict mode writes no rejects file");
    }

    private async Task Check(BadInputCorpus.Case @case)
    {
        workspace.WriteBytes("bad.csv", @case.Bytes);
        var result = await Source(Settings(@case)).ReadAsync(Requests.Request(["a"]));
        AccountAssert.Exactly(result.Account, @case.Read, @case.Accepted, [.. @case.Rejected.Select(r => ($"bad.csv:{r.Line}", r.Reason))]);
        Assert.Equal(@case.Accepted, result.Observations.Count);
        Assert.All(result.Observations, o => Assert.Matches("^bad\\.csv:[0-9]+$", o.Provenance.Location));

        // The rejects file lists the same rows; no cell in it starts a spreadsheet formula.
        var rejects = await ReadCsvAsync(workspace.PathOf("rejects.csv"));
        Assert.Equal(["location", "line", "reason", "record"], rejects[0]);
        Assert.Equal(result.Account.Rejected.Select(r => r.Location), rejects.Skip(1).Select(r => r[0]));
        Assert.All(rejects.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"The cell {cell} would run as a formula."));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InTheHeader_ThrowsADataSourceExceptionNamingFileAndLine()
    {
        workspace.WriteBytes("bad.csv", [.. "unit,period,measure,gi"u8, 0xE1, .. " tr\n747,2023,a,1\n"u8]);
        var exception = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "bad.csv" }""").ReadAsync(Requests.Request(["a"])));
        Assert.StartsWith("s: bad.csv:1: the header line contains bytes that are not valid UTF-8", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Save it as UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_ThrowsADataSourceExceptionSayingWhatToWrite()
    {
        workspace.Write("bad.csv", string.Empty);
        var exception = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "bad.csv" }""").ReadAsync(Requests.Request(["a"])));
        Assert.Equal("s: bad.csv is empty. Write a header line with the column names, then one row per line.", exception.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsADataSourceExceptionNotAnIOException()
    {
        var exception = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "data/none.csv" }""").ReadAsync(Requests.Request(["a"])));
        Assert.StartsWith("s: data/none.csv: the file cannot be opened:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Check \"path\" in", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
    }

    [Fact]
    public async Task ReadAsync_MissingColumns_ThrowsAConfigurationExceptionNamingFileColumnAndColumnsFound()
    {
        workspace.Write("bad.csv", "don_vi,nam,chi_so,gia_tri\n747,2023,a,1\n");
        var exception = await Assert.ThrowsAsync<DataSourceConfigurationException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "bad.csv", "mapping": { "unit": "don_vi", "period": "nam", "measure": "chi_so" } }""").ReadAsync(Requests.Request(["a"])));
        Assert.Equal(workspace.ConfigurationFile, exception.File);
        Assert.Equal("/sources/0/mapping", exception.Pointer);
        Assert.Contains("bad.csv has no column 'value' (the value column). Columns found: 'don_vi', 'nam', 'chi_so', 'gia_tri' (delimiter ',')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UndecidableDelimiter_AsksForTheSetting()
    {
        workspace.Write("bad.csv", "unit;period,measure;value,x\n");
        var exception = await Assert.ThrowsAsync<DataSourceConfigurationException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "bad.csv" }""").ReadAsync(Requests.Request(["a"])));
        Assert.Equal("/sources/0/delimiter", exception.Pointer);
        Assert.Contains("Set \"delimiter\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyBrokenLines_StopsWithADataSourceException()
    {
        var text = new StringBuilder("unit,period,measure,value\n");
        for (var i = 0; i < 150; i++)
        {
            text.Append("747,2023,a,\"1\"x\n");
        }

        workspace.Write("bad.csv", text.ToString());
        var exception = await Assert.ThrowsAsync<DataSourceException>(async () =>
            await Source("""{ "name": "s", "type": "csv-long", "path": "bad.csv" }""").ReadAsync(Requests.Request(["a"])));
        Assert.Contains("bad.csv: more than 100 lines could not be parsed as CSV (the last at line 102)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithByteOrderMark_IsReadAsText()
    {
        workspace.WriteBytes("u16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("unit\tperiod\tmeasure\tvalue\r\nThành phố Vũng Tàu\t2023\ta\t1\r\n")]);
        var result = await new CsvLongSourceFactory().Create(workspace.Configuration("""{ "name": "s", "type": "csv-long", "path": "u16.csv", "unitMatch": "name" }"""))
            .ReadAsync(Requests.Request(["a"]));
        Assert.Equal("747", Assert.Single(result.Observations).UnitId);
    }

    /// <summary>Parses the rejects file with a minimal RFC 4180 reader (independent of the code under test).</summary>
    private static async Task<List<string[]>> ReadCsvAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
