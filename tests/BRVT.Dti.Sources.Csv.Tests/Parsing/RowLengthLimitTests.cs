using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Reading;
using BRVT.Dti.Sources.Csv.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Csv.Tests.Parsing;

/// <summary>
/// The <c>"maxRowChars"</c> setting: a row of exactly the limit (in characters, without its line ending) is read, one
/// character more is rejected at its line with a reason naming the limit and the setting, the account balances, and
/// the csv-records fast reader gives the general reader's result.
/// </summary>
public sealed class RowLengthLimitTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("15")]
    [InlineData("0")]
    [InlineData("67108865")]
    [InlineData("\"4096\"")]
    [InlineData("1.5")]
    public void Create_MaxRowCharsOutOfRange_RefusedAtItsPointerWithTheRange(string value)
    {
        var exception = Assert.Throws<DataSourceConfigurationException>(() =>
            new CsvLongSourceFactory().Create(workspace.Configuration($$"""{ "name": "s", "type": "csv-long", "path": "l.csv", "maxRowChars": {{value}} }""")));

        Assert.Equal("/sources/0/maxRowChars", exception.Pointer);
        Assert.Contains("\"maxRowChars\" must be a whole number from 16 to 67108864 (the default is 4194304)", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv-long", 16)]
    [InlineData("csv-wide", 67_108_864)]
    [InlineData("csv-records", 4096)]
    public void Create_MaxRowCharsInRange_IsAcceptedByEveryCsvType(string type, int value)
    {
        IDataSourceFactory factory = type switch { "csv-long" => new CsvLongSourceFactory(), "csv-wide" => new CsvWideSourceFactory(), _ => new CsvRecordsSourceFactory() };

        var source = factory.Create(workspace.Configuration($$"""{ "name": "s", "type": "{{type}}", "path": "x.csv", "maxRowChars": {{value}} }"""));

        Assert.Equal("s", source.Name);
    }

    [Fact]
    public async Task ReadAsync_LongRowAtTheLimitAndOneOver_FirstAcceptedSecondRejectedWithItsLine()
    {
        // Both rows carry Vietnamese text in a column that is not read: the limit counts characters, not UTF-8 bytes.
        var atLimit = Row("747", "a", 30, note: 42);
        var over = Row("748", "a", 40, note: 43);
        workspace.Write("l.csv", "unit,period,measure,value,note\n" + atLimit + "\n" + over + "\n750,2023,a,50,\n");
        Assert.Equal((56, 57), (atLimit.Length, over.Length));
        Assert.True(Encoding.UTF8.GetByteCount(atLimit) > 56);

        var result = await ReadLong("l.csv", maxRowChars: 56);

        AccountAssert.Exactly(result.Account, 3, 2, ("l.csv:3", "the row is 57 characters long, over the limit of 56 characters (setting \"maxRowChars\" of this source, default 4194304). Shorten the row, or raise \"maxRowChars\" in sources.json if such rows are expected"));
        Assert.Equal(["747", "750"], result.Observations.Select(o => o.UnitId));
    }

    [Fact]
    public async Task ReadAsync_RowOverTheLimitInStrictMode_ThrowsNamingTheLineAndTheSetting()
    {
        workspace.Write("l.csv", "unit,period,measure,value,note\n747,2023,a,30,\n748,2023,a,40," + new string('x', 17) + "\n");

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => ReadLong("l.csv", maxRowChars: 30, RejectionMode.Strict));

        Assert.Contains("l.csv:3: the row is 31 characters long, over the limit of 30 characters (setting \"maxRowChars\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DefaultLimit_RowOfFourMebicharactersReadOneMoreRejected()
    {
        var prefix = "747,2023,a,1,";
        var atLimit = prefix + new string('x', (1 << 22) - prefix.Length);
        var over = "748,2023,a,2," + new string('y', (1 << 22) + 1 - prefix.Length);
        workspace.Write("l.csv", "unit,period,measure,value,note\n" + atLimit + "\r\n" + over + "\r\n750,2023,a,3,\r\n");

        var result = await ReadLong("l.csv", maxRowChars: null);

        AccountAssert.Exactly(result.Account, 3, 2, ("l.csv:3", "the row is 4194305 characters long, over the limit of 4194304 characters"));
        Assert.Equal(["747", "750"], result.Observations.Select(o => o.UnitId));
    }

    [Fact]
    public async Task ReadAsync_LimitAboveTheReadBuffer_AtTheLimitReadOverRejectedFarOverRejectedAndReadingGoesOn()
    {
        // 100,000 characters is above the 64 Ki read buffer, which then grows for the limit.
        const int Limit = 100_000;
        var atLimit = Row("747", "a", 1, note: Limit - 13);
        var over = Row("748", "a", 2, note: Limit - 12);
        var farOver = Row("748", "a", 3, note: 3 * Limit);
        workspace.Write("l.csv", "unit,period,measure,value,note\n" + atLimit + "\n" + over + "\n" + farOver + "\n750,2023,a,4,\n");
        Assert.Equal((Limit, Limit + 1), (atLimit.Length, over.Length));

        var result = await ReadLong("l.csv", maxRowChars: Limit);

        Assert.True(result.Account.Balances);
        Assert.Equal(["747", "750"], result.Observations.Select(o => o.UnitId));
        Assert.Equal(["l.csv:3", "l.csv:4"], result.Account.Rejected.Select(r => r.Location));
        Assert.StartsWith("the row is 100001 characters long, over the limit of 100000 characters (setting \"maxRowChars\"", result.Account.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("longer than 100000 characters, the limit (setting \"maxRowChars\" of this source, default 4194304)", result.Account.Rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RowFarLongerThanTheBufferWithASmallLimit_RejectedNamingTheLimitAndNextRowsRead()
    {
        workspace.Write("l.csv", "unit,period,measure,value\n747,2023,a," + new string('9', 200_000) + "\n748,2023,a,5\n");

        var result = await ReadLong("l.csv", maxRowChars: 100);

        AccountAssert.Exactly(result.Account, 2, 1, ("l.csv:2", "longer than 100 characters, the limit (setting \"maxRowChars\" of this source, default 4194304)"));
        Assert.Equal("748", Assert.Single(result.Observations).UnitId);
    }

    [Fact]
    public async Task ReadAsync_QuotedRowSpanningLinesOverTheLimit_RejectedAtItsFirstLineAndLinesStillCounted()
    {
        workspace.Write("l.csv", "unit,period,measure,value,note\n747,2023,a,1,\"ghi\nchú dài rất dài\ndài\"\n748,2023,a,2,ngắn\n");

        var result = await ReadLong("l.csv", maxRowChars: 30);

        AccountAssert.Exactly(result.Account, 2, 1, ("l.csv:2", "the row is 38 characters long, over the limit of 30 characters"));
        Assert.Equal("l.csv:5", Assert.Single(result.Observations).Provenance.Location);
    }

    [Fact]
    public async Task ReadAsync_HeaderOverTheLimit_DataSourceExceptionNamingTheFileTheSettingAndItsPointer()
    {
        workspace.Write("l.csv", "unit,period,measure,value,a_very_long_note_column\n747,2023,a,1,\n");

        var exception = await Assert.ThrowsAsync<DataSourceException>(() => ReadLong("l.csv", maxRowChars: 48));

        Assert.Equal(
            $"l.csv:1: the header line is longer than 48 characters, the limit (setting \"maxRowChars\" of this source in {workspace.ConfigurationFile} at /sources/0, default 4194304), or a quote in it is never closed. Check the first line of the file, or raise \"maxRowChars\".",
            exception.Message[(exception.Message.IndexOf("l.csv:1", StringComparison.Ordinal))..]);
        Assert.Single((await ReadLong("l.csv", maxRowChars: 49)).Observations);
    }

    [Fact]
    public async Task ReadAsync_WideRowOverTheLimit_RejectedAsAWholeOnce()
    {
        workspace.Write("w.csv", "unit,a,b\n747,1,2\n748,1000000,20.5000000\n");
        var source = new CsvWideSourceFactory().Create(workspace.Configuration("""{ "name": "w", "type": "csv-wide", "path": "w.csv", "period": "2023", "maxRowChars": 16 }"""));

        var result = await source.ReadAsync(Requests.Request(["a", "b"]));

        AccountAssert.Exactly(result.Account, 3, 2, ("w.csv:3", "the row is 22 characters long, over the limit of 16 characters"));
    }

    [Fact]
    public async Task ReadAsync_RecordsAtTheLimit_FastReaderTakesThemWithTheGeneralResult()
    {
        workspace.Write("r.csv", "unit,online,note\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"747,{i % 2},{new string('x', 20)}\n")));
        var before = FastRecordReader.Completed;

        var fast = RecordsOutcome("r.csv", 26, disabled: false);

        Assert.True(FastRecordReader.Completed > before, "the fast reader was not used");
        Assert.Equal(RecordsOutcome("r.csv", 26, disabled: true), fast);
        Assert.Contains("read 50 accepted 50", fast, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RecordOverTheLimit_FastReaderDeclinesAndTheGeneralReaderRejectsIt()
    {
        workspace.Write("r.csv", "unit,online,note\n747,1,ngắn\n748,0," + new string('đ', 30) + "\n750,1,\n");

        var fast = RecordsOutcome("r.csv", 32, disabled: false);

        Assert.Equal(RecordsOutcome("r.csv", 32, disabled: true), fast);
        Assert.Contains("r.csv:3 the row is 36 characters long, over the limit of 32 characters", fast, StringComparison.Ordinal);
        Assert.Contains("read 3 accepted 2", fast, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    /// <summary>
    /// Files of rows around a random limit (some with multi-byte Vietnamese letters, CRLF or LF endings): the rows
    /// longer than the limit in characters are exactly those rejected, the account balances, and the fast and general
    /// readers agree.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property ReadAsync_RowsAroundTheLimit_RejectedExactlyWhenLongerThanTheLimit() =>
        Prop.ForAll(
            Gen.Choose(16, 120).SelectMany(limit =>
                Gen.Choose(-6, 6).Select(d => Math.Max(0, limit - 8 + d))
                    .SelectMany(pad => Gen.Elements('x', 'ă', 'ế').Select(letter => (pad, letter)))
                    .ListOf()
                    .SelectMany(rows => Gen.Elements("\n", "\r\n").Select(end => (limit, rows, end)))).ToArbitrary(),
            sample =>
            {
                var (limit, rows, end) = sample;
                var lines = rows.Select((r, i) => $"{(i % 2 == 0 ? "747" : "750")},{i % 2},{new string(r.letter, r.pad)}").ToList();
                var name = $"{Guid.NewGuid():N}.csv";
                workspace.Write(name, "unit,online,note" + end + string.Concat(lines.Select(l => l + end)));
                var expected = lines.Select((l, i) => (l, i)).Where(x => x.l.Length > limit).Select(x => $"{name}:{x.i + 2} the row is {x.l.Length} characters long").ToList();
                var general = RecordsOutcome(name, limit, disabled: true);
                var fast = RecordsOutcome(name, limit, disabled: false);
                var rejectedLines = general.Split('\n').Where(l => l.Contains(" the row is ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(" characters long", StringComparison.Ordinal)] + " characters long").ToList();
                return (general == fast
                        && rejectedLines.SequenceEqual(expected)
                        && general.Contains(string.Create(CultureInfo.InvariantCulture, $"read {lines.Count} accepted {lines.Count - expected.Count}\n"), StringComparison.Ordinal))
                    .Label($"limit {limit}{Environment.NewLine}general:{Environment.NewLine}{general}{Environment.NewLine}fast:{Environment.NewLine}{fast}");
            });

    /// <summary>A csv-long row of 2023 with a note of <paramref name="note"/> characters of Vietnamese letters.</summary>
    private static string Row(string unit, string measure, double value, int note) =>
        string.Create(CultureInfo.InvariantCulture, $"{unit},2023,{measure},{value},") + string.Concat(Enumerable.Range(0, note).Select(i => "ờx"[i % 2]));

    private async Task<SourceReadResult> ReadLong(string path, int? maxRowChars, RejectionMode mode = RejectionMode.Lenient)
    {
        var limit = maxRowChars is { } m ? string.Create(CultureInfo.InvariantCulture, $", \"maxRowChars\": {m}") : string.Empty;
        var source = new CsvLongSourceFactory().Create(workspace.Configuration($$"""{ "name": "l", "type": "csv-long", "path": "{{path}}"{{limit}} }"""));
        return await source.ReadAsync(Requests.Request(["a"], mode: mode));
    }

    /// <summary>The observations and account of a csv-records read (count and ratio of online records), as text.</summary>
    private string RecordsOutcome(string path, int maxRowChars, bool disabled)
    {
        var previous = FastRecordReader.Disabled.Value;
        FastRecordReader.Disabled.Value = disabled;
        try
        {
            var settings = string.Create(CultureInfo.InvariantCulture, $$"""{ "name": "dossiers", "type": "csv-records", "path": "{{path}}", "period": "2023", "maxRowChars": {{maxRowChars}} }""");
            var request = Requests.Request([Requests.Derived("n", "count"), Requests.Derived("online", "ratio", filter: "online = 1")]);
            var result = new CsvRecordsSourceFactory().Create(workspace.Configuration(settings)).ReadAsync(request).AsTask().GetAwaiter().GetResult();
            var text = new StringBuilder();
            foreach (var o in result.Observations)
            {
                text.Append(CultureInfo.InvariantCulture, $"{o.UnitId} {o.MeasureId} {BitConverter.DoubleToInt64Bits(o.Value):X16} {o.Provenance.Location}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"read {result.Account.RowsRead} accepted {result.Account.RowsAccepted}\n");
            foreach (var rejected in result.Account.Rejected)
            {
                text.Append(CultureInfo.InvariantCulture, $"{rejected.Location} {rejected.Reason}\n");
            }

            return text.ToString();
        }
        finally
        {
            FastRecordReader.Disabled.Value = previous;
        }
    }
}
