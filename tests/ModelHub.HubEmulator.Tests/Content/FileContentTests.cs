using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ModelHub.HubEmulator.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Content;

public sealed class FileContentTests
{
    private const int MiB = 1024 * 1024;

    [Theory]
    [InlineData(FileLayout.SafeTensors)]
    [InlineData(FileLayout.Pickle)]
    [InlineData(FileLayout.Binary)]
    public void SameSpecAndSeedGiveTheSameBytes(FileLayout layout)
    {
        var spec = TestFiles.Of(layout, "content/same", (3 * MiB) + 5);

        var first = TestFiles.Read(new FileContent(new EmulatorOptions()), spec);
        var second = TestFiles.Read(new FileContent(new EmulatorOptions()), spec);

        Assert.Equal(spec.Size, first.Length);
        Assert.True(first.AsSpan().SequenceEqual(second));
    }

    [Fact]
    public void KeySpecSeedAndEmulatorSeedEachChangeTheBytes()
    {
        var spec = TestFiles.Of(FileLayout.Binary, "content/a", 2 * MiB);
        var digests = new[]
        {
            Digest(TestFiles.Read(spec)),
            Digest(TestFiles.Read(spec with { Key = "content/b" })),
            Digest(TestFiles.Read(spec with { Seed = 1 })),
            Digest(TestFiles.Read(new FileContent(new EmulatorOptions { Seed = 7 }), spec)),
        };

        Assert.Equal(digests.Length, digests.Distinct().Count());
    }

    [Theory]
    [InlineData(FileLayout.SafeTensors, 0)]
    [InlineData(FileLayout.SafeTensors, 3)]
    [InlineData(FileLayout.SafeTensors, 200)]
    [InlineData(FileLayout.Pickle, 63)]
    [InlineData(FileLayout.Binary, 8)]
    [InlineData(FileLayout.Binary, (1 * MiB) - 3)]
    [InlineData(FileLayout.Binary, 1 * MiB)]
    [InlineData(FileLayout.Binary, (2 * MiB) + 13)]
    [InlineData(FileLayout.Binary, (3 * MiB) + 4)]
    [InlineData(FileLayout.Binary, (3 * MiB) + 5)]
    public void OpeningAtAnOffsetGivesTheTailOfTheWholeFile(FileLayout layout, long offset)
    {
        var spec = TestFiles.Of(layout, "content/offsets", (3 * MiB) + 5);
        var whole = TestFiles.Read(spec);

        var tail = TestFiles.Read(spec, offset);

        Assert.True(tail.AsSpan().SequenceEqual(whole.AsSpan((int)offset)));
    }

    [Fact]
    public void EveryMebibyteDiffers()
    {
        var bytes = TestFiles.Read(TestFiles.Of(FileLayout.Binary, "content/blocks", 4 * MiB));

        var blocks = Enumerable.Range(0, 4).Select(i => Convert.ToHexString(bytes.AsSpan(i * MiB, MiB))).ToArray();

        Assert.Equal(4, blocks.Distinct().Count());
    }

    [Fact]
    public void TextFilesAreTheirUtf8()
    {
        const string text = "# Model card\nlicense: openrail — ✓\n";

        var bytes = TestFiles.Read(FileSpec.ForText("content/text", text));

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
    }

    [Fact]
    public void TextWhoseSizeIsWrongIsRefused()
    {
        var spec = FileSpec.ForText("content/bad-text", "abc") with { Size = 4 };

        Assert.Throws<ArgumentException>(() => TestFiles.Content.Open(spec));
    }

    [Fact]
    public void PickleFilesStartLikeTorchSave()
    {
        var bytes = TestFiles.Read(TestFiles.Of(FileLayout.Pickle, "content/pickle", 4096));

        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes[..4]);
        Assert.Equal("archive/data.pkl", Encoding.ASCII.GetString(bytes, 30, 16));
        Assert.Equal(new byte[] { 0x80, 0x02 }, bytes[64..66]);
    }

    [Fact]
    public void ATinyPickleFileIsTheStartOfItsHeader()
    {
        var bytes = TestFiles.Read(TestFiles.Of(FileLayout.Pickle, "content/tiny-pickle", 10));

        Assert.Equal(10, bytes.Length);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes[..4]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void OffsetsOutsideTheFileAreRefused(long offset)
    {
        var spec = TestFiles.Of(FileLayout.Binary, "content/outside", 100);

        Assert.Throws<ArgumentOutOfRangeException>(() => TestFiles.Content.Open(spec, offset));
    }

    [Fact]
    public void AStreamMayBeDisposedTwiceAndIsThenUnusable()
    {
        var stream = TestFiles.Content.Open(TestFiles.Of(FileLayout.Binary, "content/dispose", 4096));

        stream.Dispose();
        stream.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    private static string Digest(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
