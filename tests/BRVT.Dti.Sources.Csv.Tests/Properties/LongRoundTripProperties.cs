using System.Globalization;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Csv.Tests.Properties;

/// <summary>
/// Any set of observations written as a long CSV file (any delimiter, decimal comma or point, with or without a byte
/// order mark, LF or CRLF, minimal or full quoting, columns in any order, ids with Vietnamese letters, delimiters,
/// quotes and line breaks) reads back as the same observations at the lines they were written on, and the rows mixed
/// in that must not be used (other periods, unknown units, bad numbers, duplicates) are rejected at their lines.
/// </summary>
public sealed class LongRoundTripProperties
{
    private static readonly string[] Fragments =
        ["747", "Sở Tài chính", "xã \"Long Điền\"", "a,b", "c;d", "Phường\n1", "Huyện Côn Đảo", "e\tf", "Thị xã Phú Mỹ", "Ủy ban", "x"];

    private static readonly double[] Specials = [0, -0.0, 1, -1, 0.1, 1e-300, -1.7976931348623157E+308, 123456789.125, double.Epsilon, double.NaN];

    [Property(MaxTest = 100)]
    public Property ReadAsync_ObservationsWrittenAsLongCsv_ReadBackUnchangedAndEveryRowIsAccountedFor() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed => Check(seed));

    private static void Check(int seed)
    {
        var random = new Random(seed);
        var delimiter = new[] { ',', ';', '\t' }[random.Next(3)];
        var decimalComma = delimiter != ',' && random.Next(2) == 0;
        var newline = random.Next(2) == 0 ? "\n" : "\r\n";
        var quoteAll = random.Next(3) == 0;
        var units = Enumerable.Range(0, random.Next(1, 7))
            .Select(i => Requests.Unit($"{Fragments[random.Next(Fragments.Length)]}-{i}".Normalize(NormalizationForm.FormC)))
            .ToArray();
        string[] measures = ["m0", "m1", "m2", "m3"];
        string[] roles = ["unit", "period", "measure", "value", "note"];
        var order = roles.OrderBy(_ => random.Next()).ToArray();

        var text = new StringBuilder(string.Join(delimiter, order.Select(c => Cell(c, delimiter, quoteAll)))).Append(newline);
        var line = 2L;
        var expected = new List<(string Unit, string Measure, double Value, long Line)>();
        var rejectedLines = new List<long>();
        var used = new HashSet<(string, string)>();
        var rows = random.Next(0, 40);
        for (var r = 0; r < rows; r++)
        {
            var unit = units[random.Next(units.Length)].Id;
            var measure = measures[random.Next(measures.Length)];
            var period = "2023";
            var value = random.Next(4) == 0 ? Specials[random.Next(Specials.Length)] : Math.Round((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-5, 9)), random.Next(0, 12));
            var valueText = double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
            var accepted = true;
            switch (random.Next(12))
            {
                case 0:
                    period = "2022";
                    accepted = false;
                    break;
                case 1:
                    unit = "không-có-" + unit;
                    accepted = false;
                    break;
                case 2:
                    valueText = "x" + valueText;
                    accepted = false;
                    break;
            }

            if (accepted && !used.Add((unit, measure)))
            {
                accepted = false;
            }

            if (decimalComma)
            {
                valueText = valueText.Replace('.', ',');
            }

            var note = random.Next(3) == 0 ? "ghi chú\r\nhai dòng" : "ổn";
            var cells = new Dictionary<string, string> { ["unit"] = unit, ["period"] = period, ["measure"] = measure, ["value"] = valueText, ["note"] = note };
            var record = string.Join(delimiter, order.Select(c => Cell(cells[c], delimiter, quoteAll)));
            if (accepted)
            {
                expected.Add((unit, measure, value, line));
            }
            else
            {
                rejectedLines.Add(line);
            }

            text.Append(record).Append(newline);
            line += 1 + record.Count(c => c == '\n') + (newline == "\n" ? record.Replace("\r\n", string.Empty, StringComparison.Ordinal).Count(c => c == '\r') : 0);
        }

        using var workspace = new TempWorkspace();
        workspace.Write("long.csv", text.ToString(), bom: random.Next(2) == 0);
        var settings = $$"""{ "name": "s", "type": "csv-long", "path": "long.csv", "decimalComma": {{(decimalComma ? "true" : "false")}} }""";
        var result = new CsvLongSourceFactory().Create(workspace.Configuration(settings))
            .ReadAsync(Requests.Request(measures, units: units)).AsTask().GetAwaiter().GetResult();

        Assert.Equal(
            expected.Select(e => (e.Unit, e.Measure, "2023", BitConverter.DoubleToInt64Bits(e.Value), $"long.csv:{e.Line}")),
            result.Observations.Select(o => (o.UnitId, o.MeasureId, o.Period, BitConverter.DoubleToInt64Bits(o.Value), o.Provenance.Location)));
        Assert.True(result.Account.Balances);
        Assert.Equal(rows, result.Account.RowsRead);
        Assert.Equal(expected.Count, result.Account.RowsAccepted);
        Assert.Equal(rejectedLines.Select(l => $"long.csv:{l}"), result.Account.Rejected.Select(r => r.Location));
    }

    private static string Cell(string value, char delimiter, bool quoteAll) =>
        quoteAll || value.Contains(delimiter) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
