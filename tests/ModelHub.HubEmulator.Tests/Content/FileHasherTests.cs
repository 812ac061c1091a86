using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Content;

public sealed class FileHasherTests : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly string _cacheFolder = Path.Combine(Path.GetTempPath(), "modelhub-hasher-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cacheFolder))
        {
            Directory.Delete(_cacheFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData(FileLayout.SafeTensors, (3 * MiB) + 5)]
    [InlineData(FileLayout.SafeTensors, (1 * MiB) + 100)]
    [InlineData(FileLayout.Pickle, 700 * 1024)]
    [InlineData(FileLayout.Binary, (2 * MiB) + 1)]
    public void HashesMatchAnIndependentComputationOverTheBytes(FileLayout layout, int size)
    {
        var spec = TestFiles.Of(layout, $"hasher/{layout}/{size}", size);
        var bytes = TestFiles.Read(spec);

        var hashes = NewHasher().Get(spec);

        var sha256 = Hex(SHA256.HashData(bytes));
        Assert.Equal(sha256, hashes.Sha256);
        Assert.Equal(sha256[..10], hashes.AutoV2);
        Assert.Equal(A1111ModelHash(bytes), hashes.AutoV1);
        Assert.Equal(BitwiseCrc32(bytes).ToString("x8"), hashes.Crc32);
        Assert.Equal(Blake3.Hasher.Hash(bytes).ToString(), hashes.Blake3);
        Assert.Equal(Hex(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {size}\0"), .. bytes])), hashes.GitBlobSha1);
        if (layout == FileLayout.SafeTensors)
        {
            var dataStart = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.Equal(Hex(SHA256.HashData(bytes.AsSpan(dataStart)))[..12], hashes.AutoV3);
        }
        else
        {
            Assert.Null(hashes.AutoV3);
        }
    }

    [Fact]
    public void Crc32IsTheCheckValueInBigEndianHex()
    {
        Assert.Equal("cbf43926", NewHasher().Get(FileSpec.ForText("hasher/check", "123456789")).Crc32);
    }

    [Fact]
    public void AnEmptyFileHasTheKnownEmptyHashes()
    {
        var hashes = NewHasher().Get(FileSpec.ForText("hasher/empty", string.Empty));

        Assert.Equal("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", hashes.Blake3);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hashes.Sha256);
        Assert.Equal("e3b0c442", hashes.AutoV1);
        Assert.Equal("00000000", hashes.Crc32);
        Assert.Equal("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", hashes.GitBlobSha1); // git hash-object /dev/null
    }

    [Fact]
    public void TheGitBlobIdIsWhatGitHashObjectGives()
    {
        // printf 'hello world\n' | git hash-object --stdin
        Assert.Equal("3b18e512dba79e4c8300dd08aeb37f8e728b8dad", NewHasher().Get(FileSpec.ForText("hasher/git", "hello world\n")).GitBlobSha1);
    }

    [Fact]
    public void OnlyFilesUpToTheGitBlobLimitHaveABlobId()
    {
        var hasher = NewHasher();

        Assert.NotNull(hasher.Get(TestFiles.Of(FileLayout.Binary, "hasher/at-limit", FileHashes.GitBlobLimit)).GitBlobSha1);
        Assert.Null(hasher.Get(TestFiles.Of(FileLayout.Binary, "hasher/over-limit", FileHashes.GitBlobLimit + 1)).GitBlobSha1);
    }

    [Fact]
    public void RequestsAtTheSameTimeShareOneComputation()
    {
        var hasher = NewHasher();
        var spec = TestFiles.Of(FileLayout.Binary, "hasher/concurrent", 8 * MiB);

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => hasher.Get(spec)).ToArray();

        Assert.All(results, result => Assert.Same(results[0], result));
    }

    [Fact]
    public void GetManyAnswersInTheOrderAsked()
    {
        var hasher = NewHasher();
        var specs = Enumerable.Range(0, 12).Select(i => TestFiles.Of(FileLayout.SafeTensors, $"hasher/many/{i}", 64 * 1024 * (i + 1))).ToArray();

        var many = hasher.GetMany(specs);

        Assert.Equal(specs.Select(spec => NewHasher().Get(spec)), many);
    }

    [Fact]
    public void LargeFilesHashesAreKeptOnDiskAndReadBack()
    {
        var spec = TestFiles.Of(FileLayout.Binary, "hasher/large", 64 * MiB);
        var computed = NewHasher().Get(spec);
        var kept = Assert.Single(Directory.GetFiles(_cacheFolder));

        // A changed value on disk is what a new hasher reports: it reads the disk instead of hashing.
        File.WriteAllText(kept, JsonSerializer.Serialize(computed with { Crc32 = "0badc0de" }));

        Assert.Equal("0badc0de", NewHasher().Get(spec).Crc32);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{}")]
    [InlineData("null")]
    public void AnUnusableKeptFileIsComputedAgain(string kept)
    {
        var spec = TestFiles.Of(FileLayout.Binary, "hasher/large-corrupt", 64 * MiB);
        var computed = NewHasher().Get(spec);
        File.WriteAllText(Assert.Single(Directory.GetFiles(_cacheFolder)), kept);

        Assert.Equal(computed, NewHasher().Get(spec));
    }

    [Fact]
    public void SmallFilesHashesAreNotKeptOnDisk()
    {
        NewHasher().Get(TestFiles.Of(FileLayout.Binary, "hasher/small", MiB));

        Assert.False(Directory.Exists(_cacheFolder) && Directory.EnumerateFiles(_cacheFolder).Any());
    }

    [Fact]
    public async Task TheSameFileUnderAnotherSeedHasOtherHashes()
    {
        var spec = TestFiles.Of(FileLayout.Binary, "hasher/seeds", 4096);
        var other = new FileHasher(new FileContent(new EmulatorOptions { Seed = 99 }), _cacheFolder);

        var hashes = await Task.WhenAll(Task.Run(() => NewHasher().Get(spec)), Task.Run(() => other.Get(spec)));

        Assert.NotEqual(hashes[0].Sha256, hashes[1].Sha256);
    }

    private FileHasher NewHasher() => new(TestFiles.Content, _cacheFolder);

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>A1111's model_hash: file.seek(0x100000); sha256(file.read(0x10000)).hexdigest()[0:8].</summary>
    private static string A1111ModelHash(byte[] bytes)
    {
        using var file = new MemoryStream(bytes);
        file.Seek(0x100000, SeekOrigin.Begin);
        var chunk = new byte[0x10000];
        var read = file.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false);
        return Hex(SHA256.HashData(chunk.AsSpan(0, read)))[..8];
    }

    /// <summary>CRC-32 (ISO-HDLC, as zip and PNG use) bit by bit: independent of the System.IO.Hashing code under test.</summary>
    private static uint BitwiseCrc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
