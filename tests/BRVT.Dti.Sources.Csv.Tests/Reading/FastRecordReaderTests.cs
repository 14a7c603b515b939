using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Reading;
using BRVT.Dti.Sources.Csv.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Csv.Tests.Reading;

public sealed class FastRecordReaderTests : IDisposable
{
    private static readonly string[] Fields = ["online", "remote", "on_time", "days", "satisfaction"];

    private static readonly SourceReadRequest[] Requests =
    [
        Support.Requests.Request(Measures(), units: Support.Requests.Districts),
        Support.Requests.Request(Measures(), units: Support.Requests.Districts, mode: RejectionMode.Strict),
    ];

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Property(MaxTest = 200)]
    public Property ReadAsync_AnyDossierFile_SameResultAsTheGeneralReader() =>
        Prop.ForAll(File().ToArbitrary(), Gen.Elements(0, 1).ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (file, mode, rejects) =>
        {
            var name = $"{Guid.NewGuid():N}.csv";
            workspace.WriteBytes(name, file.Bytes);
            var settings = $$"""{ "name": "dossiers", "type": "csv-records", "path": "{{name}}", "period": "2023"{{(rejects ? $", \"rejects\": \"{name}.rejects.csv\"" : "")}} }""";
            var general = Outcome(settings, Requests[mode], disabled: true);
            var generalRejects = rejects && System.IO.File.Exists(workspace.PathOf($"{name}.rejects.csv")) ? System.IO.File.ReadAllText(workspace.PathOf($"{name}.rejects.csv")) : null;
            var fast = Outcome(settings, Requests[mode], disabled: false);
            var fastRejects = rejects && System.IO.File.Exists(workspace.PathOf($"{name}.rejects.csv")) ? System.IO.File.ReadAllText(workspace.PathOf($"{name}.rejects.csv")) : null;
            return (general == fast && generalRejects == fastRejects).Label($"general:{Environment.NewLine}{general}{Environment.NewLine}fast:{Environment.NewLine}{fast}");
        });

    [Fact]
    public async Task ReadAsync_SimpleFileOfManyChunks_TakenByTheFastReaderWithTheGeneralResult()
    {
        // About 9 MB: three chunks, some rows handed over (a spaced number, an unknown unit, a worded value).
        workspace.Write("big.csv", ManyChunks(unknownUnitsFrom: 0));
        var settings = """{ "name": "dossiers", "type": "csv-records", "path": "big.csv", "period": "2023" }""";
        var before = FastRecordReader.Completed;

        var fast = Outcome(settings, Requests[0], disabled: false);

        Assert.True(FastRecordReader.Completed > before, "the fast reader was not used");
        Assert.Equal(Outcome(settings, Requests[0], disabled: true), fast);
        Assert.Contains("unknown unit", fast, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void ReadAsync_StrictAndABadRowInALaterChunk_StopsWithTheGeneralReadersFailure()
    {
        // The first bad row (line 200,009: an unknown unit) is in the second chunk, while later chunks are being parsed.
        workspace.Write("strict.csv", ManyChunks(unknownUnitsFrom: 200_000));
        var settings = """{ "name": "dossiers", "type": "csv-records", "path": "strict.csv", "period": "2023" }""";

        var fast = Outcome(settings, Requests[1], disabled: false);

        Assert.StartsWith("DataSourceException: dossiers: strict.csv:200009: unknown unit '999'", fast, StringComparison.Ordinal);
        Assert.Equal(Outcome(settings, Requests[1], disabled: true), fast);
    }

    [Fact]
    public void ReadAsync_LinesLongerThanTheReadersWindow_SameResultAsTheGeneralReader()
    {
        // Lines of 5,000 to 20,000 bytes (a long unit name, a long decimal, a long empty-looking cell) among short ones,
        // with CRLF line ends: a line's cells span several of the fast reader's 4 KB windows.
        var text = new StringBuilder("unit,online,remote,on_time,days,satisfaction\r\n");
        var random = new Random(11);
        for (var r = 0; r < 3000; r++)
        {
            var unit = Support.Requests.Districts[random.Next(3)].Id;
            var days = (random.Next(600) / 10.0).ToString(CultureInfo.InvariantCulture);
            switch (r % 97)
            {
                case 5:
                    unit = new string('x', 6000);
                    break;
                case 11:
                    days = "1." + new string('0', 9000) + "1";
                    break;
                case 17:
                    days = new string('9', 20_000);
                    break;
            }

            text.Append(CultureInfo.InvariantCulture, $"{unit},{random.Next(2)},{random.Next(2)},{random.Next(2)},{days},{random.Next(1, 6)}\r\n");
        }

        workspace.Write("long.csv", text.ToString());
        var settings = """{ "name": "dossiers", "type": "csv-records", "path": "long.csv", "period": "2023" }""";
        var before = FastRecordReader.Completed;

        var fast = Outcome(settings, Requests[0], disabled: false);

        Assert.True(FastRecordReader.Completed > before, "the fast reader was not used");
        Assert.Equal(Outcome(settings, Requests[0], disabled: true), fast);
    }

    /// <summary>About 9 MB of simple rows, now and then one handed over (unknown units only from a given row on).</summary>
    private static string ManyChunks(int unknownUnitsFrom)
    {
        var text = new StringBuilder("unit;online;remote;on_time;days;satisfaction\n");
        var random = new Random(5);
        for (var r = 0; r < 400_000; r++)
        {
            var unit = r % 100_000 == 7 && r >= unknownUnitsFrom ? "999" : Support.Requests.Districts[random.Next(3)].Id;
            var days = r % 77_777 == 3 ? " 4" : (random.Next(600) / 10.0).ToString(CultureInfo.InvariantCulture);
            var satisfaction = random.Next(10) < 3 ? "" : r % 99_999 == 5 ? "có" : random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{unit};{random.Next(2)};{random.Next(2)};{random.Next(2)};{days};{satisfaction}\n");
        }

        return text.ToString();
    }

    private string Outcome(string settings, SourceReadRequest request, bool disabled)
    {
        var previous = FastRecordReader.Disabled.Value;
        FastRecordReader.Disabled.Value = disabled;
        try
        {
            var result = new CsvRecordsSourceFactory().Create(workspace.Configuration(settings)).ReadAsync(request).AsTask().GetAwaiter().GetResult();
            var text = new StringBuilder();
            foreach (var o in result.Observations)
            {
                text.Append(CultureInfo.InvariantCulture, $"{o.UnitId} {o.MeasureId} {o.Period} {BitConverter.DoubleToInt64Bits(o.Value):X16} {o.Provenance}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{result.Account.Source} read {result.Account.RowsRead} accepted {result.Account.RowsAccepted}\n");
            foreach (var rejected in result.Account.Rejected)
            {
                text.Append(CultureInfo.InvariantCulture, $"{rejected.Location}: {rejected.Reason}\n");
            }

            return text.ToString();
        }
        catch (Exception e) when (e is DataSourceException or DataSourceConfigurationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            FastRecordReader.Disabled.Value = previous;
        }
    }

    private static Dti.Definitions.MeasureDefinition[] Measures() =>
    [
        Support.Requests.Derived("received", "count"),
        Support.Requests.Derived("online_ratio", "ratio", filter: "online = 1"),
        Support.Requests.Derived("remote_ratio", "ratio", filter: "remote = 1"),
        Support.Requests.Derived("on_time_ratio", "ratio", filter: "on_time = 1"),
        Support.Requests.Derived("mean_days", "mean", field: "days"),
        Support.Requests.Derived("satisfaction", "mean", field: "satisfaction"),
        Support.Requests.Derived("max_days", "max", field: "days", filter: "online = 1"),
    ];

    /// <summary>A dossier file: mostly simple rows, now and then a row the fast reader hands over (spaced or worded
    /// values, unknown or accented units) or one that makes it decline (quotes, blank lines, lone CR, wrong field count).</summary>
    private static Gen<CsvFile> File()
    {
        var value = Gen.Frequency(
            (20, Gen.Choose(0, 1).Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (10, Gen.Choose(0, 900).Select(i => (i / 10.0).ToString(CultureInfo.InvariantCulture))),
            (6, Gen.Constant("")),
            (1, Gen.Elements(" 5", "có", "true", "1e1", "abc", "7%", "-0", "+3", "12345678901234567")));
        var unit = Gen.Frequency(
            (30, Gen.Elements("747", "748", "750")),
            (1, Gen.Elements("999", " 747", "", "Thành phố Vũng Tàu", "747 ")));
        var row =
            from u in unit
            from values in Gen.ArrayOf(value, Fields.Length)
            select (u, values);
        return
            from delimiter in Gen.Elements(',', ';', '\t')
            from unitColumn in Gen.Choose(0, Fields.Length)
            from rows in Gen.Choose(0, 120).SelectMany(n => Gen.ArrayOf(row, n))
            from crlf in Gen.Elements(false, false, true)
            from bom in Gen.Elements(false, true)
            from finalNewline in Gen.Elements(true, true, false)
            from oddity in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
            from oddRow in Gen.Choose(0, 119)
            select Build(delimiter, unitColumn, rows, crlf, bom, finalNewline, oddity, oddRow);
    }

    private static CsvFile Build(char delimiter, int unitColumn, (string Unit, string[] Values)[] rows, bool crlf, bool bom, bool finalNewline, int oddity, int oddRow)
    {
        var header = Fields.ToList();
        header.Insert(unitColumn, "unit");
        var newline = crlf ? "\r\n" : "\n";
        var lines = new List<string> { string.Join(delimiter, header) };
        foreach (var (unit, values) in rows)
        {
            var cells = values.ToList();
            cells.Insert(unitColumn, unit);
            lines.Add(string.Join(delimiter, cells.Select(c => c.Replace(delimiter == ',' ? ',' : '\0', ';'))));
        }

        if (rows.Length > 0 && oddity > 0)
        {
            var at = 1 + (oddRow % rows.Length);
            lines[at] = oddity switch
            {
                1 => lines[at].Replace("1", "\"1\"", StringComparison.Ordinal),
                2 => "",
                3 => lines[at] + "\r",
                4 => lines[at] + delimiter + "9",
                _ => lines[at].Insert(0, "\uFEFF"),
            };
        }

        var text = string.Join(newline, lines) + (finalNewline ? newline : "");
        var bytes = Encoding.UTF8.GetBytes(text);
        return new CsvFile(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public sealed record CsvFile(byte[] Bytes)
    {
        public override string ToString() => Encoding.UTF8.GetString(Bytes);
    }
}
