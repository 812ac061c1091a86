using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Text;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// A valid RGB PNG of any size in a few milliseconds: horizontal bands, each a colour gradient whose first
/// row is stored as literals and whose other rows are back-references to the row above.
/// </summary>
internal static class PngEncoder
{
    private const int Bands = 4;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(int width, int height, ulong seed)
    {
        var rowLength = 1 + (3 * width); // filter byte, then RGB
        if (width < 1 || height < 1 || rowLength > FixedHuffmanDeflater.MaxDistance)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A generated PNG is 1 to {(FixedHuffmanDeflater.MaxDistance - 1) / 3} pixels wide and at least 1 high, not {width}x{height}.");
        }

        var random = new Xoshiro256StarStar(seed);
        var deflater = new FixedHuffmanDeflater();
        var adler = new Adler32();
        var row = new byte[rowLength];
        var bands = Math.Min(Bands, height);
        for (var band = 0; band < bands; band++)
        {
            var rows = ((band + 1) * height / bands) - (band * height / bands);
            FillGradientRow(row, width, ref random);
            deflater.Literals(row);
            deflater.Repeat((long)(rows - 1) * rowLength, rowLength);
            adler.AppendRepeated(row, rows);
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", ZlibStream(deflater.Finish(), adler.Value));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void FillGradientRow(byte[] row, int width, ref Xoshiro256StarStar random)
    {
        row[0] = 0; // filter: none
        Span<int> from = [random.NextInt(256), random.NextInt(256), random.NextInt(256)];
        Span<int> to = [random.NextInt(256), random.NextInt(256), random.NextInt(256)];
        for (var x = 0; x < width; x++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                row[1 + (3 * x) + channel] = (byte)(from[channel] + ((to[channel] - from[channel]) * x / Math.Max(1, width - 1)));
            }
        }
    }

    private static byte[] ZlibStream(byte[] deflated, uint adler)
    {
        var zlib = new byte[2 + deflated.Length + 4];
        zlib[0] = 0x78; // deflate, 32 KiB window
        zlib[1] = 0x01; // no dictionary, fastest; makes the 16-bit header a multiple of 31
        deflated.CopyTo(zlib, 2);
        BinaryPrimitives.WriteUInt32BigEndian(zlib.AsSpan(2 + deflated.Length), adler);
        return zlib;
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData.AsSpan(4));
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typeAndData));
        png.Write(number);
    }
}
