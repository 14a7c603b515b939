using System.Globalization;
using System.Text;

namespace BRVT.Dti.TestUtilities;

/// <summary>Byte- and text-level mutations of a valid input, driven by a seeded random (so a case is its seed).</summary>
public static class Mutations
{
    private static readonly string[] Tokens =
    [
        "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "\r", "\0", "\uFEFF", "{", "}", "[", "]", ":", "NaN", "-Infinity", "1e309", "-0", "0x1F",
        "1,5", "99999999999999999999999999", "-1", "null", "true", "'", "\\", "\\u0000", "\u0301", "đ", "ế", "=1+1", "\u202E", "%s", "../../etc/passwd",
    ];

    public static byte[] Bytes(byte[] input, Random random, int count)
    {
        var bytes = new List<byte>(input);
        for (var i = 0; i < count; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0 when bytes.Count > 0: // flip bits
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0: // random byte
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2: // insert random bytes
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when bytes.Count > 0: // delete a range
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64)));
                    break;
                case 4: // insert a token that means something to a parser
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 5 when bytes.Count > 0: // duplicate a range
                    {
                        var length = Math.Min(bytes.Count - at, random.Next(1, 200));
                        bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                        break;
                    }

                case 6: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 7 when bytes.Count > 0: // zero a range
                    for (var k = at; k < Math.Min(bytes.Count, at + random.Next(1, 32)); k++)
                    {
                        bytes[k] = 0;
                    }

                    break;
                default: // a long run of one byte (long fields, long lines)
                    bytes.InsertRange(at, Enumerable.Repeat((byte)"a,\"9\n "[random.Next(6)], random.Next(100, 5000)));
                    break;
            }
        }

        return [.. bytes];
    }

    public static string Token(Random random) => Tokens[random.Next(Tokens.Length)];

    public static string Number(Random random) => random.Next(6) switch
    {
        0 => "-" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
        1 => "1e" + random.Next(400).ToString(CultureInfo.InvariantCulture),
        2 => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        3 => "0",
        4 => long.MaxValue.ToString(CultureInfo.InvariantCulture) + "9",
        _ => random.Next().ToString(CultureInfo.InvariantCulture),
    };
}
