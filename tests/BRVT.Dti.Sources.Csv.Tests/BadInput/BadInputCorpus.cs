using System.Text;

namespace BRVT.Dti.Sources.Csv.Tests.BadInput;

/// <summary>
/// Files as they arrive from units: bad numbers, wrong encodings, truncated copies, stray quotes, duplicates,
/// injection-like names. Each case says exactly which lines are rejected and why, and how many rows are accepted,
/// when read as <c>csv-long</c> for measure <c>a</c>, period 2023, districts 747, 748 and 750.
/// </summary>
public static class BadInputCorpus
{
    public sealed record Case(string Name, byte[] Bytes, long Read, long Accepted, (string Line, string Reason)[] Rejected, string? FirstError)
    {
        public override string ToString() => Name;
    }

    private const string Header = "unit,period,measure,value\n";

    public static IEnumerable<Case> All()
    {
        yield return Text("bad numbers", Header + "747,2023,a,abc\n748,2023,a,1,5\n750,2023,a,12%\n747,2023,a,1e999\n748,2023,a,NaN\n750,2023,a,\"1,5\"\n747,2023,a,0.5\n",
            7, 1,
            ("2", "'abc' is not a number"),
            ("3", "the row has 5 fields but the header has 4: a value probably contains the delimiter ',' without quotes (or a decimal comma in a comma-separated file)"),
            ("4", "'12%' is not a number (write the ratio without '%'"),
            ("5", "'1e999' is too large to be a number"),
            ("6", "'NaN' is not a number"),
            ("7", "'1,5' contains ',': write a decimal point (0.5)"));

        yield return Text("decimal point under decimalComma is refused, not read as thousands", "unit;period;measure;value\n747;2023;a;1.500\n748;2023;a;1,5\n",
            2, 1, ("2", "'1.500' contains '.', but this source reads decimal commas"));

        yield return Bytes("invalid UTF-8 in a row (Windows-1258 'à')",
            [.. Ascii(Header + "747,2023,a,1\n748,2023,a,2,"), 0x54, 0xE0, 0x75, .. Ascii("\n750,2023,a,3\n")],
            3, 2, ("3", "the line contains bytes that are not valid UTF-8"));

        yield return Bytes("NUL bytes in a row", [.. Ascii(Header + "747,2023,a,1\n"), 0x37, 0x00, 0x34, .. Ascii(",2023,a,2\n")],
            2, 1, ("3", "the line contains bytes that are not valid UTF-8 (they would show as �) or NUL characters"));

        yield return Text("truncated file: the last line is cut inside a quote", Header + "747,2023,a,1\n748,2023,a,\"0.",
            2, 1, ("3", "the file ends inside a quoted value that starts on this line: the file is truncated"));

        yield return Text("truncated file ending with a line break inside the quote", Header + "747,2023,a,1\n748,2023,a,\"0.5\n",
            2, 1, ("3", "the file ends inside a quoted value that starts on this line: the file is truncated"));

        yield return Text("stray quote in the middle: reading goes on at the next line", Header + "747,2023,a,\"1\"x\n748,2023,a,2\n750,2023,a,3\n",
            3, 2, ("2", "the line cannot be parsed as CSV"));

        yield return Text("a quote opened and never closed in the middle", Header + "747,2023,a,\"1\n748,2023,a,2\n750,2023,a,3\n",
            3, 2, ("2", "a quote opened on this line is never closed before the end of the file"));

        yield return Text("duplicate keys: the first is kept", Header + "747,2023,a,1\n747,2023,a,2\n 747 ,2023,a,3\n",
            3, 1,
            ("3", "duplicate: unit '747' already has a value of 'a' for 2023 on line 2; the first was kept"),
            ("4", "duplicate: unit '747' already has a value of 'a' for 2023 on line 2"));

        yield return Text("unknown units and injection-like names", Header
                + "'; DROP TABLE units;--,2023,a,1\n"
                + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",2023,a,1\n"
                + "<script>alert(1)</script>,2023,a,1\n"
                + "../../etc/passwd,2023,a,1\n"
                + "\"\u001b[31mred\r\",2023,a,1\n"
                + "\u202Egnp.exe,2023,a,1\n"
                + "Robert'); DELETE FROM observations; --,2023,a,1\n"
                + "747,2023,a,1\n",
            8, 1,
            ("2", "unknown unit ''; DROP TABLE units;--'"),
            ("3", "unknown unit '=HYPERLINK(\"http://evil.example\",\"x\")'"),
            ("4", "unknown unit '<script>alert(1)</script>'"),
            ("5", "unknown unit '../../etc/passwd'"),
            ("6", "unknown unit '\\u001B[31mred\\r'"),
            ("8", "unknown unit '\u202Egnp.exe'"),
            ("9", "unknown unit 'Robert'); DELETE FROM observations; --'"));

        yield return Text("blank lines are reported, not errors", Header + "747,2023,a,1\n\n   \n748,2023,a,2\n",
            4, 2, ("3", "blank line"), ("4", "blank line"));

        yield return Text("empty unit, period and measure cells", Header + ",2023,a,1\n747,,a,1\n747,2023,,1\n",
            3, 0, ("2", "the unit cell is empty"), ("3", "the period cell is empty"), ("4", "the measure cell is empty"));

        yield return Text("old Mac line endings (CR only)", Header.Replace('\n', '\r') + "747,2023,a,1\r748,2023,a,x\r750,2023,a,3\r",
            3, 2, ("3", "'x' is not a number"));

        yield return Text("a line starting with U+FFFF", Header + "747,2023,a,1\n\uFFFF748,2023,a,2\n750,2023,a,3\n",
            3, 2, ("3", "the line starts with the noncharacter U+FFFF"));

        yield return Text("header only", "unit,period,measure,value", 0, 0);
    }

    /// <summary>A record longer than the reader allows: a quote opened on line 2 and never closed over megabytes.</summary>
    public static Case HugeUnclosedQuote()
    {
        var text = new StringBuilder("unit,period,measure,value,note\n").Append("747,2023,a,1,\"x\n");
        const int Filler = 4_500;
        var note = new string('x', 1_000);
        for (var i = 0; i < Filler; i++)
        {
            text.Append("748,2023,b,2,").Append(note).Append('\n');
        }

        text.Append("750,2023,a,3,ok\n");
        var rejected = new List<(string, string)> { ("2", "is longer than 4194304 characters, the limit (setting \"maxRowChars\" of this source, default 4194304): a quote opened here is probably never closed") };
        rejected.AddRange(Enumerable.Range(3, Filler).Select(line => (line.ToString(System.Globalization.CultureInfo.InvariantCulture), "measure 'b' is not read")));
        return new Case("huge unclosed quote", Encoding.UTF8.GetBytes(text.ToString()), Filler + 2, 1, [.. rejected], null);
    }

    private static Case Text(string name, string text, long read, long accepted, params (string Line, string Reason)[] rejected) =>
        Bytes(name, Encoding.UTF8.GetBytes(text), read, accepted, rejected);

    private static Case Bytes(string name, byte[] bytes, long read, long accepted, params (string Line, string Reason)[] rejected) =>
        new(name, bytes, read, accepted, rejected, rejected.Select(r => r.Line).FirstOrDefault(line => !rejected.First(r => r.Line == line).Reason.Contains("blank line", StringComparison.Ordinal)));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
