using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using ModelHub.HubEmulator.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Content;

public sealed class ImageFilesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(450, 300)]
    [InlineData(832, 1216)]
    [InlineData(10922, 2)]
    public void PngsAreValid(int width, int height)
    {
        var spec = ImageFiles.Create($"images/png/{width}x{height}", width, height, 42, FileLayout.Png);
        var bytes = TestFiles.Read(spec);

        Assert.Equal(spec.Size, bytes.Length);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        var chunks = PngChunks(bytes);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.ConvertAll(chunk => chunk.Type));
        var header = chunks[0].Data;
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header[8..]);

        var zlib = chunks[1].Data;
        var pixels = Inflate(zlib);
        var rowLength = 1 + (3 * width);
        Assert.Equal(rowLength * height, pixels.Length);
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, pixels[row * rowLength]); // filter type "none"
        }

        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(zlib.AsSpan(zlib.Length - 4)), Adler32(pixels));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 17)]
    [InlineData(832, 1216)]
    public void JpegsAreWellFormedBaselineFiles(int width, int height)
    {
        var spec = ImageFiles.Create($"images/jpeg/{width}x{height}", width, height, 42, FileLayout.Jpeg);
        var bytes = TestFiles.Read(spec);

        Assert.Equal(spec.Size, bytes.Length);
        var segments = JpegSegmentsBeforeScan(bytes, out var scanEnd);
        Assert.Equal([0xE0, 0xFE, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xDA], segments.ConvertAll(segment => segment.Marker));
        Assert.StartsWith("JFIF\0", Encoding.ASCII.GetString(segments[0].Data));
        Assert.Contains("seed", Encoding.ASCII.GetString(segments[1].Data), StringComparison.Ordinal);
        var frame = segments[3].Data;
        Assert.Equal(height, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(1)));
        Assert.Equal(width, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3)));
        Assert.Equal(bytes.Length - 2, scanEnd);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, bytes[^2..]);
    }

    [Theory]
    [InlineData(FileLayout.Png)]
    [InlineData(FileLayout.Jpeg)]
    public void EachSeedGivesAnotherImage(FileLayout layout)
    {
        var first = TestFiles.Read(ImageFiles.Create("images/seeded", 64, 64, 1, layout));
        var second = TestFiles.Read(ImageFiles.Create("images/seeded", 64, 64, 2, layout));

        Assert.NotEqual(Convert.ToHexString(first), Convert.ToHexString(second));
    }

    [Fact]
    public void ContentTypesAreTheImageTypes()
    {
        Assert.Equal("image/png", ImageFiles.ContentType(FileLayout.Png));
        Assert.Equal("image/jpeg", ImageFiles.ContentType(FileLayout.Jpeg));
    }

    private static List<(string Type, byte[] Data)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)), System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }

        return chunks;
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflater.CopyTo(pixels);
        return pixels.ToArray();
    }

    private static uint Adler32(byte[] bytes)
    {
        uint sum = 1, sumOfSums = 0;
        foreach (var value in bytes)
        {
            sum = (sum + value) % 65521;
            sumOfSums = (sumOfSums + sum) % 65521;
        }

        return (sumOfSums << 16) | sum;
    }

    /// <summary>The marker segments up to and including SOS; <paramref name="scanEnd"/> is where the entropy-coded data ends (the next marker).</summary>
    private static List<(int Marker, byte[] Data)> JpegSegmentsBeforeScan(byte[] jpeg, out int scanEnd)
    {
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
        var segments = new List<(int, byte[])>();
        var offset = 2;
        while (true)
        {
            Assert.Equal(0xFF, jpeg[offset]);
            var marker = jpeg[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(offset + 2));
            segments.Add((marker, jpeg[(offset + 4)..(offset + 2 + length)]));
            offset += 2 + length;
            if (marker == 0xDA)
            {
                break;
            }
        }

        // In entropy-coded data every 0xFF is followed by a stuffed 0x00; the first that is not starts a marker.
        while (!(jpeg[offset] == 0xFF && jpeg[offset + 1] != 0x00))
        {
            offset += jpeg[offset] == 0xFF ? 2 : 1;
        }

        scanEnd = offset;
        return segments;
    }
}
