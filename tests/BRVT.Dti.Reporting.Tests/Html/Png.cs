using System.Buffers.Binary;
using System.IO.Compression;

namespace BRVT.Dti.Reporting.Tests.Html;

/// <summary>Just enough of PNG to check a screenshot: its size and how varied its pixels are.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, int DistinctColours, double InkShare) Inspect(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{file} is not a PNG");
        var width = 0;
        var height = 0;
        byte colourType = 0;
        byte depth = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                depth = data[8];
                colourType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        Assert.Equal(8, depth);
        var channels = colourType switch { 2 => 3, 6 => 4, _ => throw new InvalidOperationException($"Unexpected PNG colour type {colourType}") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = (width * channels) + 1;
        var pixels = Unfilter(raw, width, height, channels);
        var colours = new HashSet<int>();
        long ink = 0;
        for (var i = 0; i < pixels.Length; i += channels)
        {
            var rgb = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
            colours.Add(rgb);
            if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600)
            {
                ink++;
            }
        }

        Assert.Equal(height * stride, raw.Length);
        return (width, height, colours.Count, ink / (double)(width * height));
    }

    /// <summary>Reverses PNG's per-row filters (none, sub, up, average, Paeth).</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var rowLength = width * channels;
        var pixels = new byte[rowLength * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (rowLength + 1)];
            var source = raw.AsSpan((y * (rowLength + 1)) + 1, rowLength);
            var row = pixels.AsSpan(y * rowLength, rowLength);
            var previous = y == 0 ? new byte[rowLength] : pixels.AsSpan((y - 1) * rowLength, rowLength).ToArray();
            for (var x = 0; x < rowLength; x++)
            {
                var left = x >= channels ? row[x - channels] : 0;
                var up = previous[x];
                var upLeft = x >= channels ? previous[x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidOperationException($"Unknown PNG filter {filter}"),
                };
                row[x] = (byte)(source[x] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
